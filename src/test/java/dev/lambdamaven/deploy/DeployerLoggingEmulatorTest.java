package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function with {@code <logging>} against the emulator: its LoggingConfig is stored and answered as AWS answers
 * it, so a redeploy of the same settings changes nothing (the emulator used to answer a fixed one, and every deploy
 * then reported a logging change).
 */
class DeployerLoggingEmulatorTest {

    @TempDir
    Path dir;

    @Test
    void anUnchangedLoggingConfigurationIsNoChange() throws Exception {
        try (Emulator emulator = EmulatorFixture.start(dir.resolve("state"));
                AwsClients clients = new AwsClients(new Target(Target.Kind.EMULATOR, emulator.endpoint(), null,
                        null))) {
            RecordingLog log = new RecordingLog();
            FunctionSpec spec = FunctionSpec.builder("logged", TestZips.zip(dir, "logged.zip", "v1"))
                    .handler("com.acme.Handler::handleRequest").runtime("java21").role(EmulatorFixture.ROLE)
                    .logging(new LoggingSpec("JSON", "WARN", null, "/custom/logged")).build();
            Deployer first = new Deployer(clients, log, new Retry(millis -> { }, log), CodeUploader.DIRECT_UPLOAD_LIMIT);
            assertThat(first.deployFunction(spec, DeployOptions.DEFAULTS).version()).isEqualTo("1");
            var logging = clients.lambda().getFunctionConfiguration(b -> b.functionName("logged")).loggingConfig();
            assertThat(logging.logFormatAsString()).isEqualTo("JSON");
            assertThat(logging.applicationLogLevelAsString()).isEqualTo("WARN");
            assertThat(logging.systemLogLevelAsString()).as("AWS's default for JSON logs").isEqualTo("INFO");
            assertThat(logging.logGroup()).isEqualTo("/custom/logged");

            Deployer again = new Deployer(clients, log, new Retry(millis -> { }, log), CodeUploader.DIRECT_UPLOAD_LIMIT);
            FunctionResult second = again.deployFunction(spec, DeployOptions.DEFAULTS);
            assertThat(second.plan().isEmpty()).isTrue();
            assertThat(second.changed()).isFalse();
            assertThat(second.version()).isEqualTo("1");

            FunctionResult text = again.deployFunction(FunctionSpec.builder("logged", spec.code())
                    .handler("com.acme.Handler::handleRequest").runtime("java21").role(EmulatorFixture.ROLE)
                    .logging(new LoggingSpec("Text", null, null, null)).build(), DeployOptions.DEFAULTS);
            assertThat(text.plan().configChanges()).extracting(Change::toString)
                    .containsExactly("logging.logFormat: JSON -> Text");
            assertThat(clients.lambda().getFunctionConfiguration(b -> b.functionName("logged")).loggingConfig()
                    .applicationLogLevelAsString()).as("Text logs have no levels").isNull();
        }
    }
}
