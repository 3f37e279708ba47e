package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** kill -9 of an emulator process during a stream of publishes: after a restart every answered one is there. */
class CrashTest {

    @TempDir
    Path dir;

    @Test
    void acknowledgedPublishesSurviveAKill9() throws Exception {
        Map<String, String> acknowledged = new HashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (EmulatorProcessMain.Child child = EmulatorProcessMain.start(dir)) {
            URI target = child.endpoint();
            Thread publisher = new Thread(() -> {
                try (LambdaClient lambda = EmulatorFixture.lambda(new EndpointOnly(target))) {
                    lambda.createFunction(createRequest("fn", zip("a", "0")).build());
                    for (int i = 1; !stop.get(); i++) {
                        var updated = lambda.updateFunctionCode(b -> b.functionName("fn")
                                .zipFile(SdkBytes.fromByteArray(zip("a", Long.toString(System.nanoTime())))));
                        String version = lambda.publishVersion(b -> b.functionName("fn")).version();
                        synchronized (acknowledged) {
                            acknowledged.put(version, updated.codeSha256());
                        }
                    }
                } catch (RuntimeException killed) {
                    // the emulator died under us: expected
                }
            });
            publisher.start();
            while (true) {
                synchronized (acknowledged) {
                    if (acknowledged.size() >= 15) {
                        break;
                    }
                }
                Thread.sleep(10);
            }
            child.close();
            stop.set(true);
            publisher.join();
        }
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            List<FunctionConfiguration> versions = lambda.listVersionsByFunctionPaginator(b -> b.functionName("fn"))
                    .versions().stream().filter(v -> !v.version().equals("$LATEST")).toList();
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                assertThat(versions).anySatisfy(v -> {
                    assertThat(v.version()).isEqualTo(ack.getKey());
                    assertThat(v.codeSha256()).isEqualTo(ack.getValue());
                });
            }
            int highest = versions.stream().mapToInt(v -> Integer.parseInt(v.version())).max().orElseThrow();
            assertThat(versions).hasSize(highest);
            lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(zip("a", "after"))));
            assertThat(lambda.publishVersion(b -> b.functionName("fn")).version())
                    .isEqualTo(Integer.toString(highest + 1));
        }
    }

    /** Lets the fixture build a client for an emulator running in another process. */
    private static final class EndpointOnly implements EmulatorFixture.HasEndpoint {
        private final URI endpoint;

        EndpointOnly(URI endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public URI endpoint() {
            return endpoint;
        }
    }
}
