package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.VersionRow;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a stored version as a {@code FunctionConfiguration}: derived fields (ARN, state, last update
 * status, revision id) are computed here from the stored timestamps, so states advance without any
 * background thread and survive restarts.
 */
final class ConfigurationView {

    static final String CREATING_REASON = "The function is being created.";

    private final LambdaContext ctx;

    ConfigurationView(LambdaContext ctx) {
        this.ctx = ctx;
    }

    /** The revision id visible now: a settled operation gets a revision of its own, as on AWS. */
    static String revision(VersionRow row, long now) {
        return row.settled(now)
                ? UUID.nameUUIDFromBytes((row.revision() + "/settled").getBytes(StandardCharsets.UTF_8)).toString()
                : row.revision();
    }

    /** Whether the version can be invoked or published: created (or updated) and not failed. */
    static String blockingState(VersionRow row, long now) {
        if (!row.settled(now)) {
            return row.op().equals("create") ? "Pending" : null;
        }
        return row.failureCode() != null ? "Failed" : null;
    }

    ObjectNode render(VersionRow row, long now) {
        ObjectNode out = Json.object();
        out.put("FunctionName", row.function());
        out.put("FunctionArn", Arns.function(row.scope(), row.function(),
                row.version().equals(VersionRow.LATEST) ? null : row.version()));
        ObjectNode config = row.config();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("Layers")) {
                var layers = out.putArray("Layers");
                for (JsonNode layer : field.getValue()) {
                    layers.addObject().put("Arn", layer.path("Arn").asText())
                            .put("CodeSize", layer.path("CodeSize").asLong());
                }
            } else if (!field.getKey().startsWith("_")) {
                out.set(field.getKey(), field.getValue());
            }
        }
        out.put("Version", row.version());
        if (row.env() != null) {
            ObjectNode variables = out.putObject("Environment").putObject("Variables");
            EnvironmentCodec.unseal(ctx.secrets(), row.env()).forEach(variables::put);
        }
        out.put("RevisionId", revision(row, now));
        state(row, now, out);
        out.put("PackageType", "Zip");
        out.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
        out.putObject("LoggingConfig").put("LogFormat", "Text").put("LogGroup", "/aws/lambda/" + row.function());
        return out;
    }

    private static void state(VersionRow row, long now, ObjectNode out) {
        boolean settled = row.settled(now);
        boolean creating = row.op().equals("create");
        if (settled && row.failureCode() != null) {
            out.put("State", "Failed");
            out.put("StateReason", row.failureReason());
            out.put("StateReasonCode", row.failureCode());
            out.put("LastUpdateStatus", "Failed");
            out.put("LastUpdateStatusReason", row.failureReason());
            out.put("LastUpdateStatusReasonCode", row.failureCode());
        } else if (!settled && creating) {
            out.put("State", "Pending");
            out.put("StateReason", CREATING_REASON);
            out.put("StateReasonCode", "Creating");
        } else if (!settled) {
            out.put("State", "Active");
            out.put("LastUpdateStatus", "InProgress");
            out.put("LastUpdateStatusReason", "The function is being created.");
            out.put("LastUpdateStatusReasonCode", "Creating");
        } else {
            out.put("State", "Active");
            out.put("LastUpdateStatus", "Successful");
        }
    }
}
