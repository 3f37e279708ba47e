package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.AliasRow;
import dev.lambdamaven.emulator.store.ProvisionedConcurrencyStore.Provisioned;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Put/Get/Delete/ListProvisionedConcurrencyConfig(s), on published versions and aliases only. A config is
 * {@code IN_PROGRESS} (nothing allocated yet) for the emulator's activation delay after each Put, then
 * {@code READY}, computed from the stored times like a function's state. Provisioned concurrency comes out of the
 * function's reserved concurrency, or else out of the account's unreserved pool, which keeps its minimum.
 */
final class ProvisionedConcurrencyHandler {

    private static final String NOT_FOUND = "No Provisioned Concurrency Config found for this function";

    private final LambdaContext ctx;
    private final FunctionTargets targets;
    private final ProvisionedPools pools;

    ProvisionedConcurrencyHandler(LambdaContext ctx, ProvisionedPools pools) {
        this.ctx = ctx;
        this.targets = new FunctionTargets(ctx);
        this.pools = pools;
    }

    ApiResponse put(ApiRequest request) {
        FunctionRef ref = ref(request);
        ObjectNode body = request.json(LambdaShapes.PUT_PROVISIONED_CONCURRENCY);
        JsonNode requested = body.get("ProvisionedConcurrentExecutions");
        new Constraints().required(requested, "provisionedConcurrentExecutions")
                .range(requested, "provisionedConcurrentExecutions", 1, Integer.MAX_VALUE).check();
        if (FunctionTargets.kindOf(ref) == FunctionTargets.Kind.LATEST) {
            throw ApiException.invalidParameter("Provisioned Concurrency Configs cannot be applied to unpublished"
                    + " function versions.");
        }
        int value = requested.intValue();
        Provisioned stored = ctx.db().write(c -> {
            FunctionTargets.Target target = target(c, ref);
            if (target.alias() != null && !pools.shown(c, target.alias()).isEmpty()) {
                // AWS's answer, recorded by teams whose canary or version move was under way (terraform-provider-aws
                // #48116 and hashicorp/terraform #24957)
                throw ApiException.invalidParameter("Alias with weights can not be used with Provisioned Concurrency");
            }
            checkOverlap(c, target);
            checkLimits(c, ref, value);
            long now = ctx.now();
            Provisioned config = new Provisioned(ref.name(), ref.qualifier(), value, now,
                    now + ctx.delays().activation().toMillis());
            ctx.provisioned().put(c, ref.scope(), config);
            return config;
        });
        return ApiResponse.json(202, render(stored, Status.IN_PROGRESS, null));
    }

    ApiResponse get(ApiRequest request) {
        FunctionRef ref = unpublishedRefused(ref(request));
        long now = ctx.now();
        return ctx.db().read(c -> {
            target(c, ref);
            Provisioned config = ctx.provisioned().find(c, ref.scope(), ref.name(), ref.qualifier())
                    .orElseThrow(() -> new ApiException(404, "ProvisionedConcurrencyConfigNotFoundException",
                            NOT_FOUND));
            return ApiResponse.json(200, render(config, status(c, ref.scope(), config, now), null));
        });
    }

    ApiResponse delete(ApiRequest request) {
        FunctionRef ref = unpublishedRefused(ref(request));
        ctx.db().write(c -> {
            target(c, ref);
            ctx.provisioned().delete(c, ref.scope(), ref.name(), ref.qualifier());
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse list(ApiRequest request) {
        FunctionRef ref = FunctionRef.parse(request.path("name"), null, request.scope());
        long now = ctx.now();
        return targets.list(request, FunctionLookup.notFound(ref.scope(), ref.name(), null), (c, scope, function) -> {
            List<ObjectNode> items = new ArrayList<>();
            for (Provisioned config : ctx.provisioned().list(c, scope, function)) {
                items.add(render(config, status(c, scope, config, now), Arns.function(scope, function,
                        config.qualifier())));
            }
            return items;
        }, item -> item, "ProvisionedConcurrencyConfigs");
    }

    /** The reference, with its required {@code Qualifier}. */
    private static FunctionRef ref(ApiRequest request) {
        FunctionRef ref = FunctionTargets.parse(request, FunctionTargets.VERSION_OR_ALIAS);
        new Constraints().required(ref.qualifier(), "qualifier").check();
        return ref;
    }

    private static FunctionRef unpublishedRefused(FunctionRef ref) {
        if (FunctionTargets.kindOf(ref) == FunctionTargets.Kind.LATEST) {
            throw ApiException.invalidParameter("The function resource provided must be an alias or a published"
                    + " version.");
        }
        return ref;
    }

    /** The version or alias; missing, it is named as AWS names it, whether the function exists or not. */
    private FunctionTargets.Target target(Connection c, FunctionRef ref) throws SQLException {
        FunctionTargets.Target target = targets.find(c, ref);
        if (!target.exists()) {
            throw target.notFoundByQualifier();
        }
        return target;
    }

    /** A version has one config: its own, or that of an alias pointing at it, never both. */
    private void checkOverlap(Connection c, FunctionTargets.Target target) throws SQLException {
        FunctionRef ref = target.ref();
        if (target.alias() != null) {
            if (ctx.provisioned().find(c, ref.scope(), ref.name(), target.alias().version()).isPresent()) {
                throw ApiException.conflict("Alias can't be used for Provisioned Concurrency configuration on an"
                        + " already Provisioned version");
            }
            return;
        }
        for (AliasRow alias : ctx.aliases().list(c, ref.scope(), ref.name())) {
            if (alias.version().equals(ref.qualifier())
                    && ctx.provisioned().find(c, ref.scope(), ref.name(), alias.name()).isPresent()) {
                throw ApiException.conflict("Version is pointed by a Provisioned Concurrency alias");
            }
        }
    }

    private void checkLimits(Connection c, FunctionRef ref, int value) throws SQLException {
        Scope scope = ref.scope();
        Integer reserved = ctx.functions().reservedConcurrency(c, scope, ref.name());
        if (reserved != null) {
            if (ctx.provisioned().functionTotal(c, scope, ref.name(), ref.qualifier()) + value > reserved) {
                throw ApiException.invalidParameter("Requested Provisioned Concurrency should not be greater than the"
                        + " reservedConcurrentExecution for function");
            }
            return;
        }
        long unreserved = ConcurrencyHandler.ACCOUNT_CONCURRENCY - ctx.functions().totalReservedConcurrency(c, scope,
                "") - ctx.provisioned().unreservedTotal(c, scope, ref.name(), ref.qualifier());
        if (value > unreserved) {
            // AWS answers both limits without a Type (snapshot: test_provisioned_concurrency_limits)
            throw ApiException.invalidParameter("Specified ConcurrentExecutions for function is greater than account's"
                    + " unreserved concurrency [" + unreserved + "].").withoutFaultType();
        }
        if (unreserved - value < ConcurrencyHandler.MIN_UNRESERVED) {
            throw ApiException.invalidParameter("Specified ConcurrentExecutions for function decreases account's"
                    + " UnreservedConcurrentExecution below its minimum value of [" + ConcurrencyHandler.MIN_UNRESERVED
                    + "].").withoutFaultType();
        }
    }

    /** A config's status, why it failed, and whether its environments are allocated. */
    private record Status(String name, String reason, boolean allocated) {
        static final Status IN_PROGRESS = new Status("IN_PROGRESS", null, false);
        /** An alias's config while the alias moves: its old version's environments serve meanwhile. */
        static final Status MOVING = new Status("IN_PROGRESS", null, true);
        static final Status READY = new Status("READY", null, true);
    }

    /**
     * READY once the activation delay has passed and the runtime's environments for it have initialised (an alias's:
     * of the version it points at now, and of its canary version); FAILED with the runtime's reason when they fail to
     * start. A function this machine cannot run at all (a Python runtime, say) is READY as on AWS, with no environment:
     * its invokes answer why (test_lambda_provisioned_lifecycle records READY for a python3.12 version).
     */
    private Status status(Connection c, Scope scope, Provisioned config, long now) throws SQLException {
        var state = pools.state(ProvisionedPools.pool(scope, config.function(), config.qualifier()));
        if (state != null && state.failure() != null) {
            return new Status("FAILED", state.failure(), false);
        }
        if (now >= config.readyAt() && pools.ready(c, scope, config)) {
            return Status.READY;
        }
        // recorded on AWS (test_lambda_provisioned_concurrency_moves_with_alias): IN_PROGRESS, 1 of 1 allocated
        AliasRow alias = ctx.aliases().find(c, scope, config.function(), config.qualifier()).orElse(null);
        return alias != null && pools.warmingUp(c, alias) ? Status.MOVING : Status.IN_PROGRESS;
    }

    /** A config in a status (Put always answers IN_PROGRESS); {@code functionArn} only in lists. */
    private static ObjectNode render(Provisioned config, Status status, String functionArn) {
        int allocated = status.allocated() ? config.requested() : 0;
        ObjectNode out = Json.object();
        if (functionArn != null) {
            out.put("FunctionArn", functionArn);
        }
        out.put("RequestedProvisionedConcurrentExecutions", config.requested());
        out.put("AvailableProvisionedConcurrentExecutions", allocated);
        out.put("AllocatedProvisionedConcurrentExecutions", allocated);
        out.put("Status", status.name());
        if (status.reason() != null) {
            out.put("StatusReason", status.reason());
        }
        out.put("LastModified", Timestamps.seconds(config.modifiedAt()));
        return out;
    }
}
