package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.EmulatorServer;
import dev.lambdamaven.emulator.EndpointFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The emulator the invoker ITs deploy to, as a user runs one: a foreground emulator (the code of
 * {@code lambda:emulator}) in its own JVM, announced in its state directory's {@code endpoint.json}, so every IT
 * build finds it and uses it, and each {@code verify.groovy} reads the state back through the Lambda API of that
 * same running emulator ({@code dev.lambdamaven.it.EmulatorState}).
 *
 * <p>{@code exec:exec} runs {@code launch} in pre-integration-test: it starts the emulator on a fresh state
 * directory, waits (at most a minute) until it answers, and returns. The emulator stops when the Maven JVM that
 * launched it ends, however it ends (its owner process is watched), or on SIGTERM.
 */
public final class ItEmulator {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private ItEmulator() {}

    /** {@code launch <state dir> <log file>}, or (in the child) {@code serve <state dir> <owner pid>}. */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        if (args[0].equals("launch")) {
            launch(home, Path.of(args[2]));
        } else {
            serve(home, ProcessHandle.of(Long.parseLong(args[2])).orElseThrow());
        }
    }

    private static void launch(Path home, Path log) throws Exception {
        deleteRecursively(home);
        Files.createDirectories(home);
        long owner = ProcessHandle.current().parent().orElseThrow().pid(); // the Maven JVM that runs exec:exec
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ItEmulator.class.getName(), "serve", home.toString(),
                Long.toString(owner)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Path dir = home.toRealPath();
        while (true) {
            Optional<URI> endpoint = EndpointFile.read(dir).filter(uri -> EndpointFile.serves(uri, dir));
            if (endpoint.isPresent()) {
                System.out.println("IT emulator (pid " + child.pid() + ") at " + endpoint.get() + " serving " + dir
                        + ", log " + log + "; it stops when this build ends");
                return;
            }
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new IllegalStateException("the IT emulator did not answer within " + START_TIMEOUT.toSeconds()
                        + " s (" + (child.isAlive() ? "still starting" : "exit " + child.waitFor()) + "):\n"
                        + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private static void serve(Path home, ProcessHandle owner) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        owner.onExit().thenRun(stop::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "it-emulator-stop"));
        try {
            Path dir = home.toRealPath();
            EmulatorServer.serve(EmulatorOptions.builder().stateDir(dir).port(0)
                    .functionRuntime(LocalInvoke.DEFAULTS.runtimeFor(dir)).build(), System.out::println, stop);
        } finally {
            stopped.countDown();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
