package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.Target;
import org.junit.jupiter.api.Test;

class AwsClientsTest {

    @Test
    void theEmulatorTargetNeedsAnEndpoint() {
        assertThatThrownBy(() -> new AwsClients(new Target(Target.Kind.EMULATOR, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
