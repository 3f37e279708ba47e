package dev.lambdamaven.emulator;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An emulator in a process of its own that outlives the build that started it ({@code lambda:emulator-start}),
 * so that later builds, which find it through {@code endpoint.json}, invoke warm execution environments; and
 * stopping whichever emulator serves a state directory ({@code lambda:emulator-stop}).
 */
public final class BackgroundEmulator {

    /** The emulator's console output, beside its state. */
    public static final String LOG = "emulator.log";
    private static final Duration POLL = Duration.ofMillis(20);

    private BackgroundEmulator() {}

    /** A running emulator: where it listens, its process and whether this call started it. */
    public record Running(URI endpoint, long pid, boolean started) {}

    /**
     * Starts {@link EmulatorMain} in a new JVM on {@code home}, unless an emulator already serves it, and waits
     * until it answers.
     *
     * @param java      the {@code java} executable
     * @param classPath the emulator's class path (the plugin's)
     * @throws IOException when it cannot start or does not answer within {@code timeout}; the message holds the
     *                     end of its log
     */
    public static Running start(Path java, List<Path> classPath, EmulatorCommandLine line, Duration timeout)
            throws IOException {
        Path home = Files.createDirectories(line.home()).toRealPath();
        Optional<URI> running = EndpointFile.running(home);
        if (running.isPresent()) {
            return new Running(running.get(), EndpointFile.pid(home).orElse(-1), false);
        }
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                EmulatorMain.class.getName(), "--port", Integer.toString(line.port()), "--home", home.toString(),
                "--host", line.host()));
        if (line.invokeJavaHome() != null) {
            command.addAll(List.of("--invoke-java-home", line.invokeJavaHome().toString()));
        }
        Path log = home.resolve(LOG);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<URI> up = EndpointFile.running(home);
            if (up.isPresent() && EndpointFile.pid(home).orElse(-1) == process.pid()) {
                return new Running(up.get(), process.pid(), true);
            }
            if (!process.isAlive()) {
                throw new IOException("the emulator exited (status " + process.exitValue() + ") before it served: "
                        + tail(log));
            }
            sleep(POLL);
        }
        process.destroy();
        throw new IOException("the emulator did not answer within " + timeout.toSeconds() + " s: " + tail(log));
    }

    /**
     * Stops the emulator serving {@code home} (SIGTERM: it closes cleanly, with its execution environments) and
     * waits for its process to end; empty when none serves it.
     */
    public static Optional<Running> stop(Path home, Duration timeout) throws IOException {
        Path dir = home.toRealPath();
        Optional<URI> running = EndpointFile.running(dir);
        OptionalLong pid = EndpointFile.pid(dir);
        if (running.isEmpty() || pid.isEmpty()) {
            return Optional.empty();
        }
        if (pid.getAsLong() == ProcessHandle.current().pid()) {
            throw new IOException("the emulator serving " + dir + " runs inside this JVM; stop it there");
        }
        ProcessHandle process = ProcessHandle.of(pid.getAsLong()).orElseThrow(() -> new IOException(
                "the emulator at " + running.get() + " names process " + pid.getAsLong() + ", which is not running"));
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the emulator (pid " + pid.getAsLong() + ") did not stop within "
                    + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("cannot wait for the emulator (pid " + pid.getAsLong() + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the emulator to stop", e);
        }
        return Optional.of(new Running(running.get(), pid.getAsLong(), false));
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the emulator", e);
        }
    }
}
