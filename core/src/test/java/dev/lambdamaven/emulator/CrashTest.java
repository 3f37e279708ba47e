package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** kill -9 of an emulator process during a stream of publishes: after a restart every answered one is there. */
class CrashTest {

    private static final int PUBLISHES_BEFORE_THE_KILL = 15;

    @TempDir
    Path dir;

    @Test
    void acknowledgedPublishesSurviveAKill9() throws Exception {
        Map<String, String> acknowledged = new HashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicReference<RuntimeException> failedBeforeTheKill = new AtomicReference<>();
        try (EmulatorProcessMain.Child child = EmulatorProcessMain.start(dir)) {
            URI target = child.endpoint();
            Thread publisher = new Thread(() -> {
                try (LambdaClient lambda = EmulatorFixture.lambda(new EndpointOnly(target))) {
                    lambda.createFunction(createRequest("fn", zip("a", "0")).build());
                    while (!killed.get()) {
                        var updated = lambda.updateFunctionCode(b -> b.functionName("fn")
                                .zipFile(SdkBytes.fromByteArray(zip("a", Long.toString(System.nanoTime())))));
                        String version = lambda.publishVersion(b -> b.functionName("fn")).version();
                        synchronized (acknowledged) {
                            acknowledged.put(version, updated.codeSha256());
                        }
                    }
                } catch (RuntimeException e) {
                    if (!killed.get()) {
                        failedBeforeTheKill.set(e); // after the kill the emulator dies under us, as expected
                    }
                }
            }, "crash-test-publisher");
            publisher.setDaemon(true);
            publisher.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledgedCount(acknowledged) < PUBLISHES_BEFORE_THE_KILL) {
                if (failedBeforeTheKill.get() != null) {
                    throw new AssertionError("a publish failed before the kill; emulator output:\n" + child.output(),
                            failedBeforeTheKill.get());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(acknowledgedCount(acknowledged) + " of " + PUBLISHES_BEFORE_THE_KILL
                            + " publishes acknowledged within 60 s; emulator output:\n" + child.output());
                }
                Thread.sleep(10);
            }
            killed.set(true);
            child.close();
            publisher.join(Duration.ofSeconds(30).toMillis());
            assertThat(publisher.isAlive()).as("the publisher stopped after the kill").isFalse();
            assertThat(failedBeforeTheKill.get()).isNull();
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

    private static int acknowledgedCount(Map<String, String> acknowledged) {
        synchronized (acknowledged) {
            return acknowledged.size();
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
