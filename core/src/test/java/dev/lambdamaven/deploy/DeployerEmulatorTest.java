package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.EventInvokeSpec;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.FunctionUrlSpec;
import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.PermissionSpec;
import dev.lambdamaven.config.RuntimeManagementSpec;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The deployer scenarios against the project's own emulator, started in this JVM: they always run. */
class DeployerEmulatorTest extends DeployerScenarios {

    @Override
    DeployPeer startPeer() throws Exception {
        return EmulatorPeer.start();
    }

    /**
     * The emulator stores a function's LoggingConfig and answers it as AWS does (JSON logs get INFO for a level never
     * set), so a redeploy of the same {@code <logging>} changes nothing; it used to answer a fixed one, and every
     * deploy reported a logging change.
     */
    @Test
    void anUnchangedLoggingConfigurationIsNoChange() throws Exception {
        FunctionSpec spec = spec("logged", "v1").logging(new LoggingSpec("JSON", "WARN", null, "/custom/logged"))
                .build();
        assertThat(deployer.deployFunction(spec, DeployOptions.DEFAULTS).version()).isEqualTo("1");
        var logging = lambda.getFunctionConfiguration(b -> b.functionName("logged")).loggingConfig();
        assertThat(logging.logFormatAsString()).isEqualTo("JSON");
        assertThat(logging.applicationLogLevelAsString()).isEqualTo("WARN");
        assertThat(logging.systemLogLevelAsString()).isEqualTo("INFO");
        assertThat(logging.logGroup()).isEqualTo("/custom/logged");

        FunctionResult again = deployer.deployFunction(spec, DeployOptions.DEFAULTS);
        assertThat(again.plan().isEmpty()).isTrue();
        assertThat(again.changed()).isFalse();

        FunctionResult text = deployer.deployFunction(spec("logged", "v1")
                .logging(new LoggingSpec("Text", null, null, null)).build(), DeployOptions.DEFAULTS);
        assertThat(text.plan().configChanges()).extracting(Change::toString)
                .containsExactly("logging.logFormat: JSON -> Text");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("logged")).loggingConfig()
                .applicationLogLevelAsString()).as("Text logs have no levels").isNull();
    }

    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:orders-dlq";
    private static final String RUNTIME_VERSION =
            "arn:aws:lambda:us-east-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9";

    @Test
    void functionSettingsAreAppliedReadBackAsUnchangedAndResetByAuthoritative() throws Exception {
        String csc = lambda.createCodeSigningConfig(b -> b.allowedPublishers(p -> p.signingProfileVersionArns(
                "arn:aws:signer:us-east-1:123456789012:/signing-profiles/orders"))).codeSigningConfig()
                .codeSigningConfigArn();
        PermissionSpec s3 = new PermissionSpec("s3", "s3.amazonaws.com", null, "arn:aws:s3:::uploads", "123456789012",
                null, false);
        FunctionSpec.Builder spec = spec("all-settings", "v1").snapStart("PublishedVersions").deadLetterTargetArn(DLQ)
                .recursiveLoop("Allow").runtimeManagement(new RuntimeManagementSpec("Manual", RUNTIME_VERSION))
                .codeSigningConfigArn(csc).permissions(List.of(s3));

        FunctionResult first = deployer.deployFunction(spec.build(), DeployOptions.DEFAULTS);

        var v1 = lambda.getFunctionConfiguration(r -> r.functionName("all-settings").qualifier(first.version()));
        assertThat(v1.snapStart().applyOnAsString()).isEqualTo("PublishedVersions");
        assertThat(v1.snapStart().optimizationStatusAsString()).isEqualTo("On");
        assertThat(v1.deadLetterConfig().targetArn()).isEqualTo(DLQ);
        assertThat(log.text()).contains("SnapStart: version 1 of all-settings runs from its snapshot (OptimizationStatus On)");
        assertThat(lambda.getFunctionRecursionConfig(r -> r.functionName("all-settings")).recursiveLoopAsString())
                .isEqualTo("Allow");
        var runtime = lambda.getRuntimeManagementConfig(r -> r.functionName("all-settings"));
        assertThat(runtime.updateRuntimeOnAsString()).isEqualTo("Manual");
        assertThat(runtime.runtimeVersionArn()).isEqualTo(RUNTIME_VERSION);
        assertThat(lambda.getFunctionCodeSigningConfig(r -> r.functionName("all-settings")).codeSigningConfigArn())
                .isEqualTo(csc);
        assertThat(Permissions.statements(lambda.getPolicy(r -> r.functionName("all-settings")).policy()))
                .containsExactly(Map.entry("maven-s3",
                        "s3.amazonaws.com lambda:InvokeFunction from arn:aws:s3:::uploads of account 123456789012"));

        FunctionResult again = deployer.deployFunction(spec.build(), DeployOptions.DEFAULTS);
        assertThat(again.plan().isEmpty()).as(PlanPrinter.lines(again.plan()).toString()).isTrue();
        assertThat(again.version()).isEqualTo(first.version());

        // a statement someone else added stays, and the plan says what <authoritative> would do with it
        lambda.addPermission(r -> r.functionName("all-settings").statementId("console").principal("sns.amazonaws.com")
                .action("lambda:InvokeFunction"));
        FunctionResult dropped = deployer.deployFunction(spec.permissions(List.of()).build(), DeployOptions.DEFAULTS);
        assertThat(dropped.plan().functionChanges()).extracting(Change::toString).containsExactly(
                "permissions.maven-s3: s3.amazonaws.com lambda:InvokeFunction from arn:aws:s3:::uploads of account"
                        + " 123456789012 -> (none)");
        assertThat(dropped.plan().leftAlone()).extracting(Change::toString)
                .containsExactly("permissions.console: sns.amazonaws.com lambda:InvokeFunction -> (none)");
        assertThat(Permissions.statements(lambda.getPolicy(r -> r.functionName("all-settings")).policy()))
                .containsOnlyKeys("console");

        FunctionResult reset = deployer.deployFunction(spec("all-settings", "v1").authoritative(true).build(),
                DeployOptions.DEFAULTS);
        assertThat(reset.plan().configChanges()).extracting(Change::toString).containsExactly(
                "snapStart: PublishedVersions -> None", "deadLetterTargetArn: " + DLQ + " -> (none)");
        assertThat(reset.plan().functionChanges()).extracting(Change::field).containsExactly("recursiveLoop",
                "runtimeUpdateMode", "codeSigningConfigArn", "permissions.console");
        assertThat(lambda.getFunctionRecursionConfig(r -> r.functionName("all-settings")).recursiveLoopAsString())
                .isEqualTo("Terminate");
        assertThat(lambda.getRuntimeManagementConfig(r -> r.functionName("all-settings")).updateRuntimeOnAsString())
                .isEqualTo("Auto");
        assertThat(lambda.getFunctionCodeSigningConfig(r -> r.functionName("all-settings")).codeSigningConfigArn())
                .isNullOrEmpty();
        assertThatThrownBy(() -> lambda.getPolicy(r -> r.functionName("all-settings")))
                .isInstanceOf(ResourceNotFoundException.class);
        var latest = lambda.getFunctionConfiguration(r -> r.functionName("all-settings"));
        assertThat(latest.snapStart().applyOnAsString()).isEqualTo("None");
        assertThat(latest.deadLetterConfig() == null || latest.deadLetterConfig().targetArn() == null).isTrue();
    }

    @Test
    void theAliasGetsItsProvisionedConcurrencyUrlAsyncConfigAndPolicy() throws Exception {
        String target = deploy(spec("failures", "f").build()).functionArn();
        String version = deploy(spec("aliased", "a").build()).version();
        deployer.updateAlias("aliased", AliasSpec.named("live"), version, Origin.PUBLISHED, DeployOptions.DEFAULTS);
        AliasSettings settings = new AliasSettings(2,
                new FunctionUrlSpec("NONE", null, new FunctionUrlSpec.Cors(null, null, List.of("GET"),
                        List.of("https://www.example.com"), null, 300)),
                new EventInvokeSpec(0, 3600, null, target),
                List.of(new PermissionSpec("public-url", "*", null, null, null, "NONE", true)), false);

        String url = deployer.configureAlias("aliased", "live", settings, DeployOptions.DEFAULTS);

        assertThat(url).startsWith("http").isEqualTo(lambda.getFunctionUrlConfig(r -> r.functionName("aliased")
                .qualifier("live")).functionUrl());
        assertThat(log.text()).contains("Function URL of aliased:live: " + url,
                "Provisioned concurrency of aliased:live: 2 environments ready", "provisionedConcurrency: (none) -> 2");
        var provisioned = lambda.getProvisionedConcurrencyConfig(r -> r.functionName("aliased").qualifier("live"));
        assertThat(provisioned.statusAsString()).isEqualTo("READY");
        assertThat(provisioned.requestedProvisionedConcurrentExecutions()).isEqualTo(2);
        var urlConfig = lambda.getFunctionUrlConfig(r -> r.functionName("aliased").qualifier("live"));
        assertThat(urlConfig.authTypeAsString()).isEqualTo("NONE");
        assertThat(urlConfig.cors().allowOrigins()).containsExactly("https://www.example.com");
        var async = lambda.getFunctionEventInvokeConfig(r -> r.functionName("aliased").qualifier("live"));
        assertThat(async.maximumRetryAttempts()).isZero();
        assertThat(async.maximumEventAgeInSeconds()).isEqualTo(3600);
        assertThat(async.destinationConfig().onFailure().destination()).isEqualTo(target);
        assertThat(Permissions.statements(lambda.getPolicy(r -> r.functionName("aliased").qualifier("live")).policy()))
                .containsExactly(Map.entry("maven-public-url", "* lambda:InvokeFunctionUrl with URL auth NONE"));

        log.lines.clear();
        assertThat(deployer.configureAlias("aliased", "live", settings, DeployOptions.DEFAULTS)).isEqualTo(url);
        assertThat(log.text()).doesNotContain("settings:").doesNotContain("->");

        deployer.configureAlias("aliased", "live", new AliasSettings(null, null, null, null, true),
                DeployOptions.DEFAULTS);
        assertThatThrownBy(() -> lambda.getFunctionUrlConfig(r -> r.functionName("aliased").qualifier("live")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.getFunctionEventInvokeConfig(r -> r.functionName("aliased").qualifier("live")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(lambda.listProvisionedConcurrencyConfigs(r -> r.functionName("aliased"))
                .provisionedConcurrencyConfigs()).isEmpty();
    }

    /**
     * A layer of another account (here the ARN form of an AWS-published extension) does not exist on a new emulator:
     * the failure says how to publish it there, and once published that way (under its account, shared with '*') the
     * same deploy goes through.
     */
    @Test
    void aLayerOfAnotherAccountNamesHowToPublishItOnTheEmulator() throws Exception {
        String vendor = "901920570463";
        String arn = "arn:aws:lambda:us-east-1:" + vendor + ":layer:aws-otel-java-agent:1";
        FunctionSpec spec = spec("with-vendor-layer", "v1").layers(List.of(arn)).build();

        assertThatThrownBy(() -> deployer.deployFunction(spec, DeployOptions.DEFAULTS))
                .isInstanceOf(DeployRefusedException.class)
                .hasMessageContaining("has no layer version " + arn + " that this account may use")
                .hasMessageContaining("AWS_ACCESS_KEY_ID=" + vendor + " aws --endpoint-url " + endpoint()
                        + " --region us-east-1 lambda publish-layer-version --layer-name aws-otel-java-agent")
                .hasMessageContaining("add-layer-version-permission --layer-name aws-otel-java-agent --version-number 1"
                        + " --statement-id public --action lambda:GetLayerVersion --principal '*'");

        try (LambdaClient asVendor = LambdaClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(vendor, "x")))
                .build()) {
            SdkBytes zip = SdkBytes.fromByteArray(Files.readAllBytes(TestZips.zip(dir, "otel.zip", "agent")));
            var published = asVendor.publishLayerVersion(b -> b.layerName("aws-otel-java-agent")
                    .content(c -> c.zipFile(zip)));
            assertThat(published.layerVersionArn()).isEqualTo(arn);
            asVendor.addLayerVersionPermission(b -> b.layerName("aws-otel-java-agent").versionNumber(1L)
                    .statementId("public").action("lambda:GetLayerVersion").principal("*"));
        }
        assertThat(deployer.deployFunction(spec, DeployOptions.DEFAULTS).version()).isEqualTo("1");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("with-vendor-layer")).layers())
                .extracting(l -> l.arn()).containsExactly(arn);
    }
}
