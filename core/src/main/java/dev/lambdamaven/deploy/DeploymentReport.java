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
import dev.lambdamaven.config.FunctionSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * {@code target/lambda/deployment.json}: what this module's deployment produced, for later goals of the same
 * build (update-alias reads the published version; function modules read a reactor layer's version ARN) and
 * for later CI stages. Sections {@code function}, {@code alias} and {@code layer}; each goal rewrites only its
 * own. Holds ARNs, versions and hashes, and the settings the pom sets (as plans render them), never the
 * environment, whose values may be secrets.
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
        recordFunction(result, layers, Map.of());
    }

    /** The function's section, with {@code settings}: {@link #settings(FunctionSpec)}. */
    public void recordFunction(FunctionResult result, List<String> layers, Map<String, String> settings) {
        update(root -> {
            ObjectNode f = root.putObject("function");
            f.put("name", result.functionName());
            f.put("arn", result.functionArn());
            f.put("version", result.version());
            f.put("codeSha256", result.codeSha256());
            f.put("changed", result.changed());
            layers.forEach(f.putArray("layers")::add);
            if (!settings.isEmpty()) {
                ObjectNode values = f.putObject("settings");
                settings.forEach(values::put);
            }
        });
    }

    /** The settings {@code spec} sets, by table field, rendered as plans render them; not the environment. */
    public static Map<String, String> settings(FunctionSpec spec) {
        Map<String, String> settings = new TreeMap<>();
        for (FunctionField<?, ?> field : FunctionFields.ALL) {
            if (field != FunctionFields.ENVIRONMENT && field.managedBy(spec)) {
                settings.put(field.name, FunctionField.render(field.target(spec)));
            }
        }
        return settings;
    }

    public void recordAlias(AliasResult result) {
        recordAlias(result, null);
    }

    /** The alias's section, with its {@code functionUrl} when it has one the pom manages. */
    public void recordAlias(AliasResult result, String functionUrl) {
        update(root -> {
            ObjectNode a = root.putObject("alias");
            a.put("name", result.name());
            a.put("arn", result.aliasArn());
            a.put("functionVersion", result.functionVersion());
            a.put("previousVersion", result.previousVersion());
            a.put("changed", result.changed());
            ObjectNode weights = a.putObject("weights");
            result.weights().forEach(weights::put);
            if (functionUrl != null) {
                a.put("functionUrl", functionUrl);
            }
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
            // not Files.createTempFile (0600): the report gets the mode of the other files in target/
            Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId() + ".tmp");
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
