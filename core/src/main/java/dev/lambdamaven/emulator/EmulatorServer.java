package dev.lambdamaven.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An emulator serving other processes until it is told to stop: {@code mvn lambda:emulator}, the runnable
 * emulator jar and the background emulator of {@code lambda:emulator-start} all run this. While it serves, its
 * {@code endpoint.json} names it, so builds on the same state directory use it instead of starting their own.
 */
public final class EmulatorServer {

    private EmulatorServer() {}

    /**
     * Serves until the JVM is asked to exit (Ctrl-C, SIGTERM), then closes the emulator, and every execution
     * environment it started, before the JVM goes.
     *
     * @throws java.net.BindException when the port is taken
     */
    public static void serveUntilExit(EmulatorOptions options, Consumer<String> log) throws IOException {
        try (ShutdownLatch exit = new ShutdownLatch("lambda-emulator-ctrl-c")) {
            serve(options, log, exit.stop());
        }
    }

    /** Serves until {@code stop} opens; the emulator is closed and its endpoint file removed on the way out. */
    public static void serve(EmulatorOptions options, Consumer<String> log, CountDownLatch stop) throws IOException {
        try (Announced announced = start(options, log)) {
            log.accept("Try: aws --endpoint-url " + announced.endpoint() + " lambda list-functions");
            log.accept("Press Ctrl-C to stop.");
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts an emulator and announces it in {@code endpoint.json}; closing stops it and withdraws the file. */
    public static Announced start(EmulatorOptions options, Consumer<String> log) throws IOException {
        long startNanos = System.nanoTime();
        Emulator emulator = Emulator.start(options);
        Path dir = options.stateDir().toRealPath();
        try {
            EndpointFile.write(dir, emulator.endpoint());
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
        log.accept("Lambda emulator listening on " + emulator.endpoint() + " (state: " + dir + "), started in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " ms");
        return new Announced(emulator, dir, log);
    }

    /** A started emulator named in its state directory's {@code endpoint.json}. */
    public static final class Announced implements AutoCloseable {
        private final Emulator emulator;
        private final Path dir;
        private final Consumer<String> log;

        private Announced(Emulator emulator, Path dir, Consumer<String> log) {
            this.emulator = emulator;
            this.dir = dir;
            this.log = log;
        }

        public URI endpoint() {
            return emulator.endpoint();
        }

        @Override
        public void close() {
            emulator.close();
            EndpointFile.deleteIfOwned(dir, emulator.endpoint());
            log.accept("Lambda emulator stopped.");
        }
    }
}
