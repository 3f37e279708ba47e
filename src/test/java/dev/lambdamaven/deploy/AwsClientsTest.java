package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.Target;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AwsClientsTest {

    @Test
    void theHttpWireLogIsOffSoMvnDebugCannotPrintRequestBodies() {
        // verified by hand: without this, mvn -X prints UpdateFunctionConfiguration bodies with secret values
        try (AwsClients clients = new AwsClients(new Target(Target.Kind.EMULATOR, URI.create("http://127.0.0.1:9"), null, null))) {
            assertThat(System.getProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire")).isEqualTo("off");
            assertThat(clients.apiCalls()).isZero();
        }
    }

    @Test
    void theEmulatorTargetNeedsAnEndpoint() {
        assertThatThrownBy(() -> new AwsClients(new Target(Target.Kind.EMULATOR, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
