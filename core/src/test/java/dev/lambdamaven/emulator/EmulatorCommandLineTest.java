package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmulatorCommandLineTest {

    private static Properties system(String... pairs) {
        Properties p = new Properties();
        p.setProperty("user.home", "/home/me");
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsAreThoseOfTheMavenGoal() {
        EmulatorCommandLine line = EmulatorCommandLine.parse(List.of(), system());
        assertThat(line).isEqualTo(new EmulatorCommandLine(9070, Path.of("/home/me/.lambda-emulator"), "127.0.0.1",
                null));
    }

    @Test
    void flagsWinOverSystemPropertiesWhichWinOverDefaults() {
        Properties props = system("lambda.emulator.port", "9100", "lambda.emulator.home", "/srv/state",
                "lambda.emulator.host", "0.0.0.0", "lambda.invoke.javaHome", "/opt/jdk21");
        assertThat(EmulatorCommandLine.parse(List.of(), props))
                .isEqualTo(new EmulatorCommandLine(9100, Path.of("/srv/state"), "0.0.0.0", Path.of("/opt/jdk21")));
        assertThat(EmulatorCommandLine.parse(List.of("--port", "9200", "--home=/tmp/h", "--host", "::1"), props))
                .isEqualTo(new EmulatorCommandLine(9200, Path.of("/tmp/h"), "::1", Path.of("/opt/jdk21")));
    }

    @Test
    void badArgumentsNameTheOptionTheValueAndTheFix() {
        assertThatThrownBy(() -> EmulatorCommandLine.parse(List.of("--port", "http"), system()))
                .isInstanceOf(EmulatorCommandLine.UsageException.class)
                .hasMessage("--port (lambda.emulator.port) is 'http'; use a port between 1 and 65535, e.g. --port 9070"
                        + " (0 picks a free port).");
        assertThatThrownBy(() -> EmulatorCommandLine.parse(List.of(), system("lambda.emulator.port", "70000")))
                .hasMessageContaining("is '70000'");
        assertThatThrownBy(() -> EmulatorCommandLine.parse(List.of("--home"), system()))
                .hasMessage("Option --home needs a value, e.g. --home /path/to/dir.");
        assertThatThrownBy(() -> EmulatorCommandLine.parse(List.of("--prot", "1"), system()))
                .hasMessage("Unknown option '--prot'. The options are --port, --home, --host, --invoke-java-home.");
    }
}
