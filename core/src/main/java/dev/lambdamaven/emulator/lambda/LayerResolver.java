package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
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
    ArrayNode resolve(Connection c, Scope function, JsonNode arns) throws SQLException {
        if (arns.size() > MAX_LAYERS) {
            throw ApiException.invalidParameter("Cannot reference more than " + MAX_LAYERS + " layers.");
        }
        ArrayNode result = Json.array();
        Map<String, String> seen = new HashMap<>();
        long unzipped = 0;
        for (JsonNode node : arns) {
            String arn = node.asText();
            Matcher m = LAYER_VERSION_ARN.matcher(arn);
            if (!m.matches()) { // passed the front end as an AWS-published layer (awslayer): none here
                throw ApiException.invalidParameter("Layer version " + arn + " does not exist.");
            }
            String layerArn = arn.substring(0, arn.lastIndexOf(':'));
            String previous = seen.put(layerArn, arn);
            if (previous != null) {
                throw ApiException.invalidParameter("Two different versions of the same layer are not allowed to be"
                        + " referenced in the same function. " + previous + " and " + arn
                        + " are versions of the same layer.");
            }
            LayerVersionRow row = layerVersion(c, function, m, arn);
            unzipped += row.unzippedSize();
            result.addObject().put("Arn", arn).put("CodeSize", row.config().path("Content").path("CodeSize").asLong())
                    .put(UNZIPPED_FIELD, row.unzippedSize());
        }
        return result;
    }

    /**
     * The layer version an ARN names, as a function in {@code function}'s account and region may use it: in its
     * region, and of its account or shared with it (a permission for the account or for everyone).
     */
    private LayerVersionRow layerVersion(Connection c, Scope function, Matcher arn, String text) throws SQLException {
        if (!arn.group(1).equals(function.region())) {
            throw ApiException.invalidParameter("Layers are not in the same region as the function. Layers are"
                    + " expected to be in region " + function.region() + ".");
        }
        Scope owner = new Scope(arn.group(2), arn.group(1));
        LayerVersionRow row = ctx.layers().version(c, owner, arn.group(3), Long.parseLong(arn.group(4))).orElse(null);
        if (owner.equals(function)) {
            if (row == null) {
                throw ApiException.invalidParameter("Layer version " + text + " does not exist.");
            }
            return row;
        }
        if (row == null || !LayerPolicyHandler.grants(ctx.layers().statements(c, owner, row.name(), row.version()),
                function.account())) {
            // on AWS a missing version of another account's layer looks the same as one not shared
            throw LayerPolicyHandler.notShared(function, text);
        }
        return row;
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
