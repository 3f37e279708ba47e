package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.FunctionConfigStore;
import dev.lambdamaven.emulator.store.VersionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Get/PutRuntimeManagementConfig of {@code $LATEST} (also the unqualified function) or a published version: when
 * Lambda moves the function to a new runtime version ({@code Auto}, the default, {@code FunctionUpdate}), or the
 * runtime version it stays on ({@code Manual} with a {@code RuntimeVersionArn}). Stored only: the emulator runs
 * every function on the runtime it finds locally.
 */
final class RuntimeManagementHandler {

    private static final List<String> MODES = List.of("Auto", "Manual", "FunctionUpdate");
    private static final String RUNTIME_VERSION_PATTERN = "arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?"
            + "-[a-z]+-\\d{1}::runtime:.+";

    private final LambdaContext ctx;
    private final FunctionTargets targets;

    RuntimeManagementHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.targets = new FunctionTargets(ctx);
    }

    ApiResponse get(ApiRequest request) {
        FunctionRef ref = ref(request);
        return ctx.db().read(c -> {
            version(c, ref);
            ObjectNode config = ctx.runtimeManagement().find(c, ref.scope(), ref.name(), ref.qualifier())
                    .map(FunctionConfigStore.Config::config).orElseGet(() -> Json.object().put("UpdateRuntimeOn",
                            "Auto"));
            return ApiResponse.json(200, render(ref, config));
        });
    }

    ApiResponse put(ApiRequest request) {
        FunctionRef ref = ref(request);
        ObjectNode body = request.json(LambdaShapes.PUT_RUNTIME_MANAGEMENT);
        String mode = body.path("UpdateRuntimeOn").asText(null);
        String runtimeVersion = body.path("RuntimeVersionArn").asText(null);
        new Constraints().required(mode, "updateRuntimeOn").oneOf(mode, "updateRuntimeOn", MODES)
                .length(runtimeVersion, "runtimeVersionArn", 26, 2048)
                .pattern(runtimeVersion, "runtimeVersionArn", RUNTIME_VERSION_PATTERN).check();
        if (mode.equals("Manual") && runtimeVersion == null) {
            throw ApiException.invalidParameter("UpdateRuntimeOn Manual needs a RuntimeVersionArn: the runtime"
                    + " version the function stays on.");
        }
        if (!mode.equals("Manual") && runtimeVersion != null) {
            throw ApiException.invalidParameter("RuntimeVersionArn can only be set with UpdateRuntimeOn Manual.");
        }
        ObjectNode config = Json.object().put("UpdateRuntimeOn", mode);
        if (runtimeVersion != null) {
            config.put("RuntimeVersionArn", runtimeVersion);
        }
        ctx.db().write(c -> {
            version(c, ref);
            ctx.runtimeManagement().put(c, ref.scope(), ref.name(), new FunctionConfigStore.Config(ref.qualifier(),
                    config, ctx.now()));
            return null;
        });
        return ApiResponse.json(200, render(ref, config));
    }

    /** {@code $LATEST} for the unqualified function. */
    private static FunctionRef ref(ApiRequest request) {
        FunctionRef ref = FunctionTargets.parse(request, FunctionTargets.NUMERIC_LATEST_PUBLISHED_OR_ALIAS);
        return ref.qualifier() != null ? ref : new FunctionRef(ref.scope(), ref.name(), VersionRow.LATEST);
    }

    /** The version the reference names; an alias is not one. */
    private void version(Connection c, FunctionRef ref) throws SQLException {
        FunctionTargets.Target target = targets.find(c, ref);
        if (target.missing() == FunctionTargets.Missing.FUNCTION) {
            throw FunctionLookup.notFound(ref.scope(), ref.name(), null);
        }
        if (target.missing() != null || target.alias() != null) {
            throw FunctionLookup.notFound(ref);
        }
    }

    private static ObjectNode render(FunctionRef ref, ObjectNode config) {
        ObjectNode out = Json.object();
        out.put("UpdateRuntimeOn", config.path("UpdateRuntimeOn").asText());
        if (config.has("RuntimeVersionArn")) {
            out.put("RuntimeVersionArn", config.get("RuntimeVersionArn").asText());
        }
        out.put("FunctionArn", ref.qualifiedArn());
        return out;
    }
}
