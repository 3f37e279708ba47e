package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeException;
import dev.lambdamaven.emulator.store.VersionRow;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SnapStart at publish: a version published with {@code SnapStart.ApplyOn} {@code PublishedVersions} (a Java
 * runtime) is {@code Pending} (reason {@code Creating}) while its initialisation runs once, up to its
 * {@code beforeCheckpoint} hooks (see {@link FunctionRuntime#snapshot}), then {@code Active}, or {@code Failed} when
 * its init or a hook failed, as on AWS, where a SnapStart version cannot be invoked until its snapshot is taken.
 * Snapshots are taken one at a time off the request thread; a version still pending when the emulator stopped is
 * snapshotted again at the next start. Its environments then restore from the snapshot.
 */
final class SnapStarts {

    private static final Logger LOG = Logger.getLogger(SnapStarts.class.getName());
    /** {@code doneAt} of a version whose snapshot is being taken: pending until it is. */
    private static final long SNAPSHOT_PENDING = Long.MAX_VALUE;
    /** The operation of a SnapStart version once its snapshot was attempted. */
    private static final String SNAPSHOTTED = "snapshot";

    private final FunctionRuntime runtime;
    private final InvokeHandler invoke;
    private final LambdaContext ctx;
    /** One snapshot at a time; its thread ends when idle. */
    private final ExecutorService snapshots = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "lambda-snapstart");
                t.setDaemon(true);
                return t;
            });

    SnapStarts(LambdaContext ctx, FunctionRuntime runtime, InvokeHandler invoke) {
        this.ctx = ctx;
        this.runtime = runtime;
        this.invoke = invoke;
    }

    /**
     * {@code route} (one that may publish a version); a SnapStart version it published turns {@code Pending} in its
     * answer and in the store while its snapshot is taken.
     */
    Router.Route after(Router.Route route) {
        return request -> {
            ApiResponse response = route.handle(request);
            if (runtime == null || response.status() / 100 != 2 || response.body() == null
                    || response.body().length == 0) {
                return response;
            }
            ObjectNode published = (ObjectNode) Json.parse(response.body());
            String version = published.path("Version").asText(VersionRow.LATEST);
            if (version.equals(VersionRow.LATEST)) {
                return response;
            }
            FunctionRef ref = new FunctionRef(request.scope(), published.path("FunctionName").asText(), version);
            VersionRow pending = ctx.db().write(c -> {
                VersionRow row = ctx.functions().version(c, ref.scope(), ref.name(), version).orElse(null);
                if (row == null || !InvokeHandler.snapStart(row) || !row.op().equals("create")
                        || !row.settled(ctx.now()) || row.failureCode() != null) {
                    return null; // not SnapStart, snapshotted already (an unchanged publish), or failed
                }
                VersionRow marked = row.withOperation("create", SNAPSHOT_PENDING, null, null);
                ctx.functions().put(c, marked);
                return marked;
            });
            if (pending == null) {
                return response;
            }
            snapshots.execute(() -> snapshot(ref));
            published.put("State", "Pending");
            published.put("StateReason", ConfigurationView.CREATING_REASON);
            published.put("StateReasonCode", "Creating");
            published.remove(List.of("LastUpdateStatus", "LastUpdateStatusReason",
                    "LastUpdateStatusReasonCode"));
            published.put("RevisionId", ConfigurationView.revision(ctx.transitions(), pending, ctx.now()));
            return ApiResponse.json(response.status(), published);
        };
    }

    /** Takes the snapshots of versions left pending by an emulator that stopped (at start). */
    void resume() {
        if (runtime == null) {
            return;
        }
        try {
            for (VersionRow row : ctx.db().read(c -> ctx.functions().doneAt(c, SNAPSHOT_PENDING))) {
                snapshots.execute(() -> snapshot(new FunctionRef(row.scope(), row.function(), row.version())));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SnapStart: cannot resume the snapshots of this state directory", e);
        }
    }

    private void snapshot(FunctionRef version) {
        String failure = null;
        try {
            failure = runtime.snapshot(invoke.template(version));
        } catch (LocalRuntimeException | ApiException e) { // this machine cannot run it: invocations will say why
            LOG.log(Level.WARNING, "SnapStart: no snapshot of " + version.qualifiedArn() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the emulator stops: the next one resumes it
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SnapStart: no snapshot of " + version.qualifiedArn(), e);
        }
        // as on AWS, the version fails when its init or a beforeCheckpoint hook failed
        String reason = failure == null ? null
                : "SnapStart: the function's initialization or its beforeCheckpoint hooks failed: " + failure;
        try {
            ctx.db().write(c -> {
                VersionRow row = ctx.functions().version(c, version.scope(), version.name(), version.qualifier())
                        .orElse(null);
                if (row != null) { // deleted meanwhile otherwise
                    ctx.functions().put(c, row.withOperation(SNAPSHOTTED, ctx.now(), reason == null ? null
                            : "FunctionError", reason == null ? null : reason.substring(0, Math.min(1000,
                            reason.length()))));
                }
                return null;
            });
        } catch (RuntimeException e) { // the store closed with the emulator: the next start resumes it
            LOG.log(Level.FINE, "SnapStart: version " + version.qualifiedArn() + " stays pending", e);
        }
    }
}
