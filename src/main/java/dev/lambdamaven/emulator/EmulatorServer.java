package dev.lambdamaven.emulator;

import java.io.IOException;
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
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lambda-emulator-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            serve(options, log, stop);
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the hook is what released serve()
            }
        }
    }

    /** Serves until {@code stop} opens; the emulator is closed and its endpoint file removed on the way out. */
    public static void serve(EmulatorOptions options, Consumer<String> log, CountDownLatch stop) throws IOException {
        long startNanos = System.nanoTime();
        Emulator emulator = Emulator.start(options);
        java.nio.file.Path dir = options.stateDir().toRealPath();
        try {
            EndpointFile.write(dir, emulator.endpoint());
            log.accept("Lambda emulator listening on " + emulator.endpoint() + " (state: " + dir + "), started in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " ms");
            log.accept("Try: aws --endpoint-url " + emulator.endpoint() + " lambda list-functions");
            log.accept("Press Ctrl-C to stop.");
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            emulator.close();
            EndpointFile.deleteIfOwned(dir, emulator.endpoint());
            log.accept("Lambda emulator stopped.");
        }
    }
}
