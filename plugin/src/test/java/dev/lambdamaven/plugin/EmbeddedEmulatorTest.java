package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.EmulatorServer;
import dev.lambdamaven.emulator.EndpointFile;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedEmulatorTest {

    @TempDir
    Path tmp;

    @Test
    void startsOnePerStateDirectoryAndReusesIt() throws Exception {
        Path home = tmp.resolve("home");
        URI first = EmbeddedEmulator.endpoint(home, new SystemStreamLog());
        assertThat(first.getHost()).isEqualTo("127.0.0.1");
        assertThat(EmbeddedEmulator.endpoint(home, new SystemStreamLog())).isEqualTo(first);
        assertThat(EndpointFile.serves(first, home.toRealPath())).isTrue();
        assertThat(EndpointFile.serves(first, tmp)).isFalse();
        assertThat(EndpointFile.read(home.toRealPath())).as("a build's emulator is not announced to other builds")
                .isEmpty();
    }

    @Test
    void discoversAForegroundEmulatorOnTheSameStateDirectory() throws Exception {
        Path home = tmp.resolve("shared");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CountDownLatch stop = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        int chosen = port;
        Future<?> foreground = thread.submit(() -> {
            Files.createDirectories(home);
            EmulatorServer.serve(EmulatorOptions.builder().stateDir(home).port(chosen).build(),
                    new SystemStreamLog()::info, stop);
            return null;
        });
        Path endpointFile = home.resolve("endpoint.json");
        for (int i = 0; i < 100 && !Files.exists(endpointFile); i++) {
            Thread.sleep(50);
        }
        assertThat(EmbeddedEmulator.endpoint(home, new SystemStreamLog()))
                .isEqualTo(URI.create("http://127.0.0.1:" + port));
        stop.countDown();
        foreground.get();
        thread.shutdown();
        assertThat(endpointFile).doesNotExist();
    }

    @Test
    void ignoresAStaleEndpointFile() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("stale"));
        EndpointFile.write(home, URI.create("http://127.0.0.1:1"));
        URI endpoint = EmbeddedEmulator.endpoint(home, new SystemStreamLog());
        assertThat(endpoint.getPort()).isNotEqualTo(1);
        assertThat(EndpointFile.serves(endpoint, home.toRealPath())).isTrue();
    }
}
