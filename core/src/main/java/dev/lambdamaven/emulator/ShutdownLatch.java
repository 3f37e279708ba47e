package dev.lambdamaven.emulator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opens when the JVM is asked to exit (Ctrl-C, SIGTERM) and holds the exit back until the work it released has
 * cleaned up ({@link #close()}, at most 5 s): a foreground emulator or {@code lambda:dev} stops its child
 * processes before the JVM goes.
 */
public final class ShutdownLatch implements AutoCloseable {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    public ShutdownLatch(String name) {
        hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The latch that opens on exit. */
    public CountDownLatch stop() {
        return stop;
    }

    public boolean stopping() {
        return stop.getCount() == 0;
    }

    /** The cleanup is done: lets an exit that opened the latch go on. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the hook is what opened the latch
        }
    }
}
