package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.EventInvokeSpec;
import dev.lambdamaven.config.FunctionUrlSpec;
import dev.lambdamaven.config.PermissionSpec;
import java.util.List;
import dev.lambdamaven.config.DeployOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The deployer scenarios against {@code moto_server}, where it is installed (in CI it must be). */
class DeployerMotoTest extends DeployerScenarios {

    @Override
    DeployPeer startPeer() throws Exception {
        return MotoServer.start();
    }

    /** Function URLs: moto serves them; the emulator's come with the rest of the control plane (issue 10). */
    @Test
    void deleteFunctionTakesTheFunctionUrlsOfTheFunctionAndOfItsAliases() throws Exception {
        String v1 = deploy(spec("with-urls", "a").build()).version();
        deployer.updateAlias("with-urls", AliasSpec.named("live"), v1, Origin.PUBLISHED, DeployOptions.DEFAULTS);
        lambda.createFunctionUrlConfig(r -> r.functionName("with-urls").authType("NONE"));
        lambda.createFunctionUrlConfig(r -> r.functionName("with-urls").qualifier("live").authType("AWS_IAM"));

        CleanupPlan plan = deployer.deleteFunction("with-urls", new DeployOptions(true, false, null, null, null));
        assertThat(plan.deletions()).extracting(i -> i.what() + " " + i.qualifier()).startsWith(
                "FUNCTION_URL null", "FUNCTION_URL live", "ALIAS null");
        deployer.deleteFunction("with-urls", DeployOptions.DEFAULTS);

        assertThat(log.text()).contains("Deleted function URL https://", "Deleted alias live", "Deleted function with-urls");
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("with-urls")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    /** The alias settings moto serves: function URL, asynchronous invocation config and the alias's policy. */
    @Test
    void theAliasGetsItsUrlAsyncConfigAndPolicyOnMotoToo() throws Exception {
        String target = deploy(spec("moto-failures", "f").build()).functionArn();
        String version = deploy(spec("moto-aliased", "a").build()).version();
        deployer.updateAlias("moto-aliased", AliasSpec.named("live"), version, Origin.PUBLISHED, DeployOptions.DEFAULTS);
        AliasSettings settings = new AliasSettings(null, new FunctionUrlSpec("AWS_IAM", null, null),
                new EventInvokeSpec(1, 600, null, target),
                List.of(new PermissionSpec("invoke", "123456789012", null, null, null, null, true)), false);

        String url = deployer.configureAlias("moto-aliased", "live", settings, DeployOptions.DEFAULTS);

        assertThat(url).isEqualTo(lambda.getFunctionUrlConfig(r -> r.functionName("moto-aliased").qualifier("live"))
                .functionUrl());
        var async = lambda.getFunctionEventInvokeConfig(r -> r.functionName("moto-aliased").qualifier("live"));
        assertThat(async.maximumRetryAttempts()).isEqualTo(1);
        assertThat(async.destinationConfig().onFailure().destination()).isEqualTo(target);
        assertThat(Permissions.statements(lambda.getPolicy(r -> r.functionName("moto-aliased").qualifier("live"))
                .policy())).containsOnlyKeys("maven-invoke");
    }
}
