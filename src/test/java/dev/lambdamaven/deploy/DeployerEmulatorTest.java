package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LoggingSpec;
import org.junit.jupiter.api.Test;

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
}
