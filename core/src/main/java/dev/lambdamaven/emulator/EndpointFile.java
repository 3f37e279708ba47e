package dev.lambdamaven.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.AtomicFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code <state dir>/endpoint.json}: where the emulator serving a state directory listens, so builds and a
 * foreground {@code lambda:emulator} find each other. A file is trusted only when the emulator it names
 * answers the identity call with the same state directory.
 */
public final class EndpointFile {

    static final String NAME = "endpoint.json";

    private EndpointFile() {}

    public static void write(Path stateDir, URI endpoint) throws IOException {
        ObjectNode node = Json.object();
        node.put("endpoint", endpoint.toString());
        node.put("pid", ProcessHandle.current().pid());
        AtomicFile.write(stateDir.resolve(NAME), Json.bytes(node));
    }

    public static Optional<URI> read(Path stateDir) {
        try {
            JsonNode node = Json.read(Files.readAllBytes(stateDir.resolve(NAME)));
            return Optional.of(URI.create(node.path("endpoint").asText()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The process id of the emulator the file names (it may have gone: check {@link #serves} first). */
    public static OptionalLong pid(Path stateDir) {
        try {
            JsonNode pid = Json.read(Files.readAllBytes(stateDir.resolve(NAME))).path("pid");
            return pid.canConvertToLong() ? OptionalLong.of(pid.asLong()) : OptionalLong.empty();
        } catch (IOException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /** The endpoint of the emulator that serves {@code stateDir}, if one is running. */
    public static Optional<URI> running(Path stateDir) {
        return read(stateDir).filter(uri -> serves(uri, stateDir));
    }

    /** Removes the file if it still names {@code endpoint} (another emulator may have replaced it). */
    public static void deleteIfOwned(Path stateDir, URI endpoint) {
        if (read(stateDir).filter(endpoint::equals).isPresent()) {
            try {
                Files.deleteIfExists(stateDir.resolve(NAME));
            } catch (IOException ignored) {
                // a stale file is harmless: it is verified before use
            }
        }
    }

    /** Whether an emulator answers at {@code endpoint} and serves {@code stateDir}. */
    public static boolean serves(URI endpoint, Path stateDir) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/__emulator/identity"))
                    .timeout(Duration.ofSeconds(1)).GET().build();
            HttpResponse<byte[]> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return false;
            }
            String served = Json.read(response.body()).path("stateDir").asText();
            return served.equals(stateDir.toRealPath().toString());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Built on first use: a client loads TLS defaults, which writing the file need not wait for. */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    }
}
