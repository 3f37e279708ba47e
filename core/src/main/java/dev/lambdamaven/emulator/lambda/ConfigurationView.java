package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.VersionRow;
import dev.lambdamaven.emulator.http.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
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
    static String revision(Transitions transitions, VersionRow row, long now) {
        return transitions.settled(row, now)
                ? UUID.nameUUIDFromBytes((row.revision() + "/settled").getBytes(StandardCharsets.UTF_8)).toString()
                : row.revision();
    }

    /** Whether the version can be invoked or published: created (or updated) and not failed. */
    static String blockingState(Transitions transitions, VersionRow row, long now) {
        if (!transitions.settled(row, now)) {
            return row.op().equals("create") ? "Pending" : null;
        }
        return row.failureCode() != null ? "Failed" : null;
    }

    /**
     * A version as GetFunctionConfiguration answers it. {@code arnQualifier}: the qualifier the caller named, shown in
     * {@code FunctionArn} as AWS shows it (test_publish_version_on_create: {@code :$LATEST} when asked for,
     * test_alias_lifecycle: the alias, not its version); {@code null} for the unqualified ARN.
     */
    ObjectNode render(VersionRow row, long now, String arnQualifier) {
        ObjectNode out = listed(row, arnQualifier);
        out.put("RevisionId", revision(ctx.transitions(), row, now));
        state(row, now, out);
        if (row.config().hasNonNull("Runtime")) {
            out.putObject("RuntimeVersionConfig").put("RuntimeVersionArn",
                    runtimeVersionArn(row.scope(), row.config().get("Runtime").asText()));
        }
        return out;
    }

    /** As {@link #render} with the ARN of the version itself: unqualified for $LATEST. */
    ObjectNode render(VersionRow row, long now) {
        return render(row, now, row.version().equals(VersionRow.LATEST) ? null : row.version());
    }

    /**
     * A create's or an update's own answer: the operation as it was when it was written, still under way however
     * long the request took (AWS never answers CreateFunction with {@code Active}: test_notfound_and_invalid_routingconfigs,
     * test_function_lifecycle).
     */
    ObjectNode renderWritten(VersionRow row) {
        return render(row, Math.min(ctx.now(), row.doneAt() - 1));
    }

    /**
     * A version as ListFunctions and ListVersionsByFunction list it: without State, LastUpdateStatus and
     * RuntimeVersionConfig (test_list_functions, test_publish_version_on_create), with its revision as last seen.
     */
    ObjectNode listed(VersionRow row, String arnQualifier, long now) {
        ObjectNode out = listed(row, arnQualifier);
        out.put("RevisionId", revision(ctx.transitions(), row, now));
        return out;
    }

    private ObjectNode listed(VersionRow row, String arnQualifier) {
        ObjectNode out = Json.object();
        out.put("FunctionName", row.function());
        out.put("FunctionArn", Arns.function(row.scope(), row.function(), arnQualifier));
        ObjectNode config = row.config();
        for (Map.Entry<String, JsonNode> field : config.properties()) {
            if (field.getKey().equals("Layers")) {
                var layers = out.putArray("Layers");
                for (JsonNode layer : field.getValue()) {
                    layers.addObject().put("Arn", layer.path("Arn").asText())
                            .put("CodeSize", layer.path("CodeSize").asLong());
                }
            } else if (!field.getKey().startsWith("_") && !RENDERED.contains(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        }
        out.put("Version", row.version());
        // an environment once given is answered, also when it has no variables (snapshot: test_function_lifecycle)
        if (row.env() != null || config.path(FunctionSettings.ENVIRONMENT_GIVEN).asBoolean()) {
            ObjectNode variables = out.putObject("Environment").putObject("Variables");
            EnvironmentCodec.unseal(ctx.secrets(), row.env()).forEach(variables::put);
        }
        out.put("PackageType", "Zip");
        String applyOn = config.path("SnapStart").path("ApplyOn").asText("None");
        // a published version of a SnapStart function runs from its snapshot; $LATEST never does
        out.putObject("SnapStart").put("ApplyOn", applyOn).put("OptimizationStatus",
                applyOn.equals("PublishedVersions") && !row.version().equals(VersionRow.LATEST) ? "On" : "Off");
        ObjectNode logging = config.path("LoggingConfig").isObject()
                ? ((ObjectNode) config.get("LoggingConfig")).deepCopy() : Json.object().put("LogFormat", "Text");
        if (!logging.hasNonNull("LogGroup")) {
            logging.put("LogGroup", "/aws/lambda/" + row.function());
        }
        out.set("LoggingConfig", logging);
        return out;
    }

    /** Stored members rendered in a form of their own. */
    private static final Set<String> RENDERED = Set.of("SnapStart", "LoggingConfig");

    /**
     * The runtime version a function runs on: one per runtime and region, in the form AWS answers
     * ({@code arn:aws:lambda:us-east-1::runtime:<64 hex digits>}).
     */
    static String runtimeVersionArn(Scope scope, String runtime) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((runtime + "/" + scope.region()).getBytes(StandardCharsets.UTF_8));
            return "arn:" + scope.partition() + ":lambda:" + scope.region() + "::runtime:"
                    + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void state(VersionRow row, long now, ObjectNode out) {
        boolean settled = ctx.transitions().settled(row, now);
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
