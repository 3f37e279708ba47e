package dev.lambdamaven.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code target/lambda/deployment.json}: what this module's deployment produced, for later goals of the same
 * build (update-alias reads the published version; function modules read a reactor layer's version ARN) and
 * for later CI stages. Sections {@code function}, {@code alias} and {@code layer}; each goal rewrites only its
 * own. Holds ARNs, versions and hashes, never configuration values.
 */
public final class DeploymentReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public DeploymentReport(Path buildDirectory) {
        this.file = buildDirectory.resolve("lambda").resolve("deployment.json");
    }

    public Path file() {
        return file;
    }

    public void recordFunction(FunctionResult result, List<String> layers) {
        update(root -> {
            ObjectNode f = root.putObject("function");
            f.put("name", result.functionName());
            f.put("arn", result.functionArn());
            f.put("version", result.version());
            f.put("codeSha256", result.codeSha256());
            f.put("changed", result.changed());
            layers.forEach(f.putArray("layers")::add);
        });
    }

    public void recordAlias(AliasResult result) {
        update(root -> {
            ObjectNode a = root.putObject("alias");
            a.put("name", result.name());
            a.put("arn", result.aliasArn());
            a.put("functionVersion", result.functionVersion());
            a.put("previousVersion", result.previousVersion());
            a.put("changed", result.changed());
            ObjectNode weights = a.putObject("weights");
            result.weights().forEach(weights::put);
        });
    }

    public void recordLayer(LayerResult result) {
        update(root -> {
            ObjectNode l = root.putObject("layer");
            l.put("name", result.layerName());
            l.put("layerVersionArn", result.layerVersionArn());
            if (result.version() != null) {
                l.put("version", result.version());
            }
            l.put("codeSha256", result.codeSha256());
            l.put("changed", result.changed());
        });
    }

    /** Removes the report: a module's deployment starts afresh, so no report of an earlier one survives it. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    public Optional<String> functionVersion() {
        return text(read().path("function").path("version"));
    }

    /** Whether publish-version published a new version (rather than finding the function unchanged). */
    public boolean functionChanged() {
        return read().path("function").path("changed").asBoolean(false);
    }

    public Optional<String> layerVersionArn() {
        return text(read().path("layer").path("layerVersionArn"));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private JsonNode read() {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private synchronized void update(java.util.function.Consumer<ObjectNode> change) {
        JsonNode current = read();
        ObjectNode root = current instanceof ObjectNode o ? o : JSON.createObjectNode();
        change.accept(root);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "deployment", ".json");
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
