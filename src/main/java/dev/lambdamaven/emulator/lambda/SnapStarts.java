package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeException;
import dev.lambdamaven.emulator.store.VersionRow;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SnapStart at publish: a version published with {@code SnapStart.ApplyOn} {@code PublishedVersions} (a Java
 * runtime) runs its initialisation once, up to its {@code beforeCheckpoint} hooks, before the publish is answered
 * (see {@link FunctionRuntime#snapshot}); its environments then restore from it.
 */
final class SnapStarts {

    private static final Logger LOG = Logger.getLogger(SnapStarts.class.getName());

    private final FunctionRuntime runtime;
    private final InvokeHandler invoke;
    private final LambdaContext ctx;

    SnapStarts(LambdaContext ctx, FunctionRuntime runtime, InvokeHandler invoke) {
        this.ctx = ctx;
        this.runtime = runtime;
        this.invoke = invoke;
    }

    /** {@code route} (one that may publish a version), then the snapshot of the version it published. */
    Router.Route after(Router.Route route) {
        return Router.then(route, (request, response) -> {
            if (runtime != null && response.status() / 100 == 2 && response.body() != null
                    && response.body().length > 0) {
                JsonNode published = Json.parse(response.body());
                String version = published.path("Version").asText(VersionRow.LATEST);
                if (!version.equals(VersionRow.LATEST)) {
                    snapshot(new FunctionRef(request.scope(), published.path("FunctionName").asText(), version));
                }
            }
        });
    }

    private void snapshot(FunctionRef version) throws InterruptedException {
        VersionRow row = ctx.db().read(c -> ctx.functions().version(c, version.scope(), version.name(),
                version.qualifier())).orElse(null);
        if (row == null || !InvokeHandler.snapStart(row)) {
            return;
        }
        try {
            runtime.snapshot(invoke.template(version));
        } catch (LocalRuntimeException | ApiException e) { // this machine cannot run it: invocations will say why
            LOG.log(Level.WARNING, "SnapStart: no snapshot of " + version.qualifiedArn() + ": " + e.getMessage());
        }
    }
}
