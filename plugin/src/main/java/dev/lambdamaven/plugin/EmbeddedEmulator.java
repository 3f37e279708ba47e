package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.EndpointFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.plugin.logging.Log;

/**
 * The emulator of target {@code emulator}: one per Maven JVM and state directory, shared by every module and
 * thread of a build. Discover-or-start: a foreground {@code lambda:emulator} serving the state directory (named
 * in its {@code endpoint.json}) is reused; otherwise one starts in-process on a free loopback port, with daemon
 * threads, and stops when the Maven session ends (or, at the latest, when the JVM exits), with every execution
 * environment it started. Parallel builds on one state directory each run their own: the state is shared
 * safely through SQLite, and no build depends on an emulator that another build stops when it ends.
 */
public final class EmbeddedEmulator {

    private static final Map<Path, URI> ENDPOINTS = new HashMap<>();

    private EmbeddedEmulator() {}

    /**
     * The endpoint of the emulator serving {@code home}, starting one if none answers.
     *
     * @throws UncheckedIOException when the state directory cannot be opened or no port can be bound
     */
    public static URI endpoint(Path home, Log log) {
        return endpoint(home, LocalInvoke.DEFAULTS, null, log);
    }

    /**
     * As {@link #endpoint(Path, Log)}; a started emulator runs functions as {@code invoke} says and stops when
     * the session of {@code request} ends.
     */
    static synchronized URI endpoint(Path home, LocalInvoke invoke, MavenExecutionRequest request, Log log) {
        try {
            Path dir = Files.createDirectories(home).toRealPath();
            URI known = ENDPOINTS.get(dir);
            if (known != null) {
                return known;
            }
            Optional<URI> running = EndpointFile.running(dir);
            if (running.isPresent()) {
                log.info("Using the Lambda emulator at " + running.get() + " (state: " + dir + ")");
                ENDPOINTS.put(dir, running.get());
                return running.get();
            }
            long startNanos = System.nanoTime();
            Emulator emulator = Emulator.start(EmulatorOptions.builder().stateDir(dir).port(0)
                    .functionRuntime(invoke.runtimeFor(dir)).build());
            URI endpoint = emulator.endpoint();
            // not announced in endpoint.json: this emulator lives only as long as this build, and another build
            // that found it there would lose it mid-deploy; parallel builds each run their own on the shared state
            Runnable stop = stopOnce(dir, emulator);
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "lambda-emulator-stop"));
            if (request != null) {
                SessionEnd.onSessionEnd(request, stop);
            }
            log.info("Started the Lambda emulator at " + endpoint + " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " ms (state: "
                    + dir + ")");
            ENDPOINTS.put(dir, endpoint);
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Lambda emulator on " + home + ": " + e.getMessage(), e);
        }
    }

    private static Runnable stopOnce(Path dir, Emulator emulator) {
        AtomicBoolean stopped = new AtomicBoolean();
        return () -> {
            if (stopped.compareAndSet(false, true)) {
                synchronized (EmbeddedEmulator.class) {
                    ENDPOINTS.remove(dir);
                }
                emulator.close();
            }
        };
    }
}
