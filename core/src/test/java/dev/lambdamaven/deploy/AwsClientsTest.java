package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsClientsTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:9");

    @TempDir
    Path dir;

    @Test
    void theEmulatorTargetNeedsAnEndpoint() {
        assertThatThrownBy(() -> new AwsClients(new Target(Target.Kind.EMULATOR, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEmulatorTargetsRegionIsTheConfiguredOneElseTheProfilesElseUsEast1() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile staging]\nregion = eu-central-1\n");
        String previous = System.getProperty("aws.configFile");
        System.setProperty("aws.configFile", config.toString());
        try {
            assertThat(region(new Target(Target.Kind.EMULATOR, LOCAL, null, "staging"))).isEqualTo("eu-central-1");
            assertThat(region(new Target(Target.Kind.EMULATOR, LOCAL, "ap-south-1", "staging"))).isEqualTo("ap-south-1");
            assertThat(region(new Target(Target.Kind.EMULATOR, LOCAL, null, "no-such-profile"))).isEqualTo("us-east-1");
            assertThat(region(new Target(Target.Kind.EMULATOR, LOCAL, null, null))).isEqualTo("us-east-1");
        } finally {
            if (previous == null) {
                System.clearProperty("aws.configFile");
            } else {
                System.setProperty("aws.configFile", previous);
            }
        }
    }

    @Test
    void anEmulatorAccountHasTwelveDigits() {
        assertThatThrownBy(() -> new Target(Target.Kind.EMULATOR, LOCAL, null, null, "12345"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("emulatorAccount")
                .hasMessageContaining("12 digits");
    }

    private static String region(Target target) {
        try (AwsClients clients = new AwsClients(target)) {
            return clients.region();
        }
    }
}
