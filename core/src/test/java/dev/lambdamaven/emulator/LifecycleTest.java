package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator never keeps a JVM alive, binds loopback only and releases its port on close. */
class LifecycleTest {

    @TempDir
    Path dir;

    /** Emulator threads, other than those of emulators other tests in this JVM left running. */
    private static List<Thread> emulatorThreads(java.util.Set<Thread> others) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !others.contains(t))
                .filter(t -> t.getName().startsWith("lambda-emulator") || t.getName().equals("HTTP-Dispatcher"))
                .toList();
    }

    @Test
    void runsOnDaemonThreadsOnLoopbackAndStopsThem() throws Exception {
        java.util.Set<Thread> others = new java.util.HashSet<>(emulatorThreads(java.util.Set.of()));
        URI endpoint;
        try (Emulator emulator = EmulatorFixture.start(dir)) {
            endpoint = emulator.endpoint();
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/2015-03-31/functions")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(emulatorThreads(others)).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
        }
        for (int i = 0; i < 50 && !emulatorThreads(others).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(emulatorThreads(others)).isEmpty();
        Assertions.assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint.resolve("/2015-03-31/functions")).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
    }
}
