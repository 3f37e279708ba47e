package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.LayerVersionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves a function's {@code Layers} (layer version ARNs) against published layer versions. */
final class LayerResolver {

    static final Pattern LAYER_VERSION_ARN = Pattern.compile(
            "arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\\d{12}):layer:([a-zA-Z0-9-_]+):([0-9]+)");
    static final String UNZIPPED_FIELD = "_LayersUnzippedSize";
    static final int MAX_LAYERS = 5;

    private final LambdaContext ctx;

    LayerResolver(LambdaContext ctx) {
        this.ctx = ctx;
    }

    /** The {@code Layers} configuration ({@code Arn}, {@code CodeSize}) plus the internal unzipped total. */
    ArrayNode resolve(Connection c, JsonNode arns) throws SQLException {
        if (arns.size() > MAX_LAYERS) {
            throw ApiException.invalidParameter("Cannot reference more than " + MAX_LAYERS + " layers.");
        }
        ArrayNode result = Json.array();
        Map<String, String> seen = new HashMap<>();
        long unzipped = 0;
        for (JsonNode node : arns) {
            String arn = node.asText();
            Matcher m = LAYER_VERSION_ARN.matcher(arn);
            if (!m.matches()) {
                throw ApiException.validation(arn, "layers", "Member must satisfy constraint: [Member must satisfy"
                        + " regular expression pattern: arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:"
                        + "[a-zA-Z0-9-_]+:[0-9]+]");
            }
            String layerArn = arn.substring(0, arn.lastIndexOf(':'));
            String previous = seen.put(layerArn, arn);
            if (previous != null) {
                throw ApiException.invalidParameter("Two different versions of the same layer are not allowed to be"
                        + " referenced in the same function. " + previous + " and " + arn
                        + " are versions of the same layer.");
            }
            LayerVersionRow row = null;
            if (m.group(1).equals(ctx.arns().region()) && m.group(2).equals(ctx.arns().account())) {
                row = ctx.layers().version(c, m.group(3), Long.parseLong(m.group(4))).orElse(null);
            }
            if (row == null) {
                throw ApiException.invalidParameter("Layer version " + arn + " does not exist.");
            }
            unzipped += row.unzippedSize();
            result.addObject().put("Arn", arn).put("CodeSize", row.config().path("Content").path("CodeSize").asLong())
                    .put(UNZIPPED_FIELD, row.unzippedSize());
        }
        return result;
    }

    /** Sum of the unzipped sizes recorded in a resolved {@code Layers} array. */
    static long unzippedTotal(JsonNode layers) {
        long total = 0;
        for (JsonNode layer : layers) {
            total += layer.path(UNZIPPED_FIELD).asLong();
        }
        return total;
    }
}
