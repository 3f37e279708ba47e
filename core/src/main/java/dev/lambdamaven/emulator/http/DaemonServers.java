package dev.lambdamaven.emulator.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;

/** Starts JDK HTTP servers whose threads never keep the JVM alive. */
public final class DaemonServers {

    private DaemonServers() {}

    /**
     * Starts {@code server} from a daemon thread: the JDK server's dispatcher thread inherits the daemon flag
     * of the thread that starts it.
     */
    public static void start(HttpServer server, String threadName) throws IOException {
        Thread starter = new Thread(server::start, threadName);
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new IOException("interrupted while starting " + threadName, e);
        }
    }
}
