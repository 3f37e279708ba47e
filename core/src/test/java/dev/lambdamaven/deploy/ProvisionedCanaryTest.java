package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorFixture;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import dev.lambdamaven.emulator.runtime.TestFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * A release of an alias with provisioned concurrency, against the emulator running real environments (demo.Greeter):
 * the plugin's moves return once the versions the alias routes to are warm, so a canary's first invocations and the
 * promoted version's have no cold start; a change of provisioned concurrency during the canary waits for the promote.
 */
class ProvisionedCanaryTest {

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    @Test
    void aCanaryAndItsPromoteReturnOnceTheirVersionsAreWarm() throws Exception {
        LocalFunctionRuntime runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work")));
        Path zip = Files.write(dir.resolve("greeter.zip"), TestFunctions.javaHandlersZip());
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).functionRuntime(runtime)
                        .build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator);
                Deployer deployer = new Deployer(new AwsClients(new Target(Target.Kind.EMULATOR, emulator.endpoint(),
                        null, null)), log, new Retry(millis -> { }, log), CodeUploader.DIRECT_UPLOAD_LIMIT,
                        java.time.Clock.systemUTC(), millis -> { })) {
            String v1 = deployer.deployFunction(greeter(zip, "Hello"), DeployOptions.DEFAULTS).version();
            deployer.updateAlias("greeter", AliasSpec.named("live"), v1, Origin.PUBLISHED, DeployOptions.DEFAULTS);
            deployer.configureAlias("greeter", "live", provisioned(1), DeployOptions.DEFAULTS);
            assertThat(log.text()).contains("Provisioned concurrency of greeter:live: 1 environments ready");

            String v2 = deployer.deployFunction(greeter(zip, "Hi"), DeployOptions.DEFAULTS).version();
            deployer.updateAlias("greeter", new AliasSpec("live", 0.5, null, null), v2, Origin.PUBLISHED,
                    DeployOptions.DEFAULTS);
            // returned once the canary's environment is up: both versions answer at once, neither cold
            Set<String> ran = new HashSet<>();
            for (int i = 0; i < 40 && ran.size() < 2; i++) {
                ran.add(warmInvoke(lambda).executedVersion());
            }
            assertThat(ran).containsExactlyInAnyOrder(v1, v2);

            log.lines.clear();
            deployer.configureAlias("greeter", "live", provisioned(2), DeployOptions.DEFAULTS);
            assertThat(log.text()).contains("Provisioned concurrency of greeter:live stays 1 while the alias routes a"
                    + " canary", "lambda:promote, or the next release, sets 2");
            assertThat(lambda.getProvisionedConcurrencyConfig(r -> r.functionName("greeter").qualifier("live"))
                    .requestedProvisionedConcurrentExecutions()).isEqualTo(1);

            deployer.promote("greeter", "live", DeployOptions.DEFAULTS);
            InvokeResponse promoted = warmInvoke(lambda);
            assertThat(promoted.executedVersion()).isEqualTo(v2);
            assertThat(lambda.getAlias(r -> r.functionName("greeter").name("live")).routingConfig()).isNull();
            deployer.configureAlias("greeter", "live", provisioned(2), DeployOptions.DEFAULTS);
            assertThat(log.text()).contains("Provisioned concurrency of greeter:live: 2 environments ready");
        }
    }

    private static FunctionSpec greeter(Path zip, String greeting) {
        return FunctionSpec.builder("greeter", zip).handler("demo.Greeter::handleRequest").runtime("java17")
                .timeout(30).role(DeployPeer.ROLE_ARN)
                .environment(new Environment(Map.of("GREETING", greeting), Map.of())).build();
    }

    private static AliasSettings provisioned(int count) {
        return new AliasSettings(count, null, null, null, false);
    }

    private static InvokeResponse warmInvoke(LambdaClient lambda) {
        InvokeResponse response = lambda.invoke(r -> r.functionName("greeter").qualifier("live").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\"}")));
        assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
        assertThat(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8))
                .as("version " + response.executedVersion()).doesNotContain("Init Duration");
        return response;
    }
}
