package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LoggingSpec;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

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
