package dev.lambdamaven.plugin;

import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.EndpointFile;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.maven.plugin.logging.Log;

/**
 * The emulator of target {@code emulator}: one per Maven JVM and state directory, shared by every module and
 * thread of a build. Discover-or-start: an emulator already serving the state directory (a foreground
 * {@code lambda:emulator} or another build) is reused; otherwise one starts in-process on a free loopback
 * port, with daemon threads, and a shutdown hook stops it when the build's JVM exits.
 */
public final class EmbeddedEmulator {

    private static final Map<Path, URI> ENDPOINTS = new HashMap<>();

    private EmbeddedEmulator() {}

    /**
     * The endpoint of the emulator serving {@code home}, starting one if none answers.
     *
     * @throws UncheckedIOException when the state directory cannot be opened or no port can be bound
     */
    public static synchronized URI endpoint(Path home, Log log) {
        try {
            Path dir = Files.createDirectories(home).toRealPath();
            URI known = ENDPOINTS.get(dir);
            if (known != null) {
                return known;
            }
            Optional<URI> running = EndpointFile.read(dir).filter(uri -> EndpointFile.serves(uri, dir));
            if (running.isPresent()) {
                log.info("Using the Lambda emulator at " + running.get() + " (state: " + dir + ")");
                ENDPOINTS.put(dir, running.get());
                return running.get();
            }
            Emulator emulator = Emulator.start(EmulatorOptions.builder().stateDir(dir).port(0)
                    .functionRuntime(discoverRuntime()).build());
            URI endpoint = emulator.endpoint();
            EndpointFile.write(dir, endpoint);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                emulator.close();
                EndpointFile.deleteIfOwned(dir, endpoint);
            }, "lambda-emulator-stop"));
            log.info("Started the Lambda emulator at " + endpoint + " (state: " + dir + ")");
            ENDPOINTS.put(dir, endpoint);
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Lambda emulator on " + home + ": " + e.getMessage(), e);
        }
    }

    /** The local-invoke runtime, when one is registered as a {@link ServiceLoader} provider. */
    static FunctionRuntime discoverRuntime() {
        return ServiceLoader.load(FunctionRuntime.class, EmbeddedEmulator.class.getClassLoader()).findFirst()
                .orElse(null);
    }
}
