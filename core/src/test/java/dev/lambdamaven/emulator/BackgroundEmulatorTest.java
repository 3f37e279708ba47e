package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lambda:emulator-start and -stop without Maven: EmulatorMain in a JVM of its own, on this class path. */
class BackgroundEmulatorTest {

    @TempDir
    Path home;

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final List<Path> CLASS_PATH = Arrays.stream(System.getProperty("java.class.path")
            .split(File.pathSeparator)).map(Path::of).toList();

    @Test
    void startsOnceServesBuildsOnItsHomeAndStopsCleanly() throws Exception {
        EmulatorCommandLine line = new EmulatorCommandLine(0, home, "127.0.0.1", null);
        BackgroundEmulator.Running started = BackgroundEmulator.start(JAVA, CLASS_PATH, line, Duration.ofSeconds(60));
        try {
            assertThat(started.started()).isTrue();
            assertThat(EndpointFile.running(home.toRealPath())).contains(started.endpoint());
            assertThat(ProcessHandle.of(started.pid())).get().matches(ProcessHandle::isAlive);

            BackgroundEmulator.Running again = BackgroundEmulator.start(JAVA, CLASS_PATH, line, Duration.ofSeconds(60));
            assertThat(again).isEqualTo(new BackgroundEmulator.Running(started.endpoint(), started.pid(), false));

            assertThat(BackgroundEmulator.stop(home, Duration.ofSeconds(30))).get()
                    .extracting(BackgroundEmulator.Running::pid).isEqualTo(started.pid());
            assertThat(ProcessHandle.of(started.pid()).filter(ProcessHandle::isAlive)).as("its process ended").isEmpty();
            assertThat(home.resolve("endpoint.json")).doesNotExist();
            assertThat(Files.readString(home.resolve(BackgroundEmulator.LOG))).contains("Lambda emulator stopped.");
            assertThat(BackgroundEmulator.stop(home, Duration.ofSeconds(30))).as("nothing left to stop").isEmpty();
        } finally {
            ProcessHandle.of(started.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void anEmulatorThatCannotServeFailsWithTheEndOfItsLog() throws IOException {
        EmulatorCommandLine line = new EmulatorCommandLine(0, home, "not-a-host.invalid", null);

        assertThatThrownBy(() -> BackgroundEmulator.start(JAVA, CLASS_PATH, line, Duration.ofSeconds(60)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the emulator exited (status 1) before it served")
                .hasMessageContaining("Cannot start the Lambda emulator on");
    }
}
