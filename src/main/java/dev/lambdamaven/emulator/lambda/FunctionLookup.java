package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.AliasRow;
import dev.lambdamaven.emulator.store.VersionRow;
import java.sql.Connection;
import java.sql.SQLException;

/** Resolves a function reference to stored rows, answering AWS's not-found and state errors. */
final class FunctionLookup {

    private final LambdaContext ctx;

    FunctionLookup(LambdaContext ctx) {
        this.ctx = ctx;
    }

    FunctionRef ref(ApiRequest request) {
        return FunctionRef.parse(request.path("name"), request.query("Qualifier"), request.scope());
    }

    FunctionRef unqualified(ApiRequest request) {
        return FunctionRef.parse(request.path("name"), null, request.scope());
    }

    static ApiException notFound(FunctionRef ref) {
        return notFound(ref.scope(), ref.name(), ref.qualifier());
    }

    static ApiException notFound(Scope scope, String name, String qualifier) {
        return ApiException.notFound("Function not found: " + Arns.function(scope, name, qualifier));
    }

    VersionRow latest(Connection c, FunctionRef ref) throws SQLException {
        return ctx.functions().version(c, ref.scope(), ref.name(), VersionRow.LATEST)
                .orElseThrow(() -> notFound(ref.scope(), ref.name(), null));
    }

    /** The version row a reference designates; an alias resolves to its primary version. */
    VersionRow resolve(Connection c, FunctionRef ref) throws SQLException {
        if (ref.isAlias()) {
            AliasRow alias = ctx.aliases().find(c, ref.scope(), ref.name(), ref.qualifier())
                    .orElseThrow(() -> notFound(ref));
            return ctx.functions().version(c, ref.scope(), ref.name(), alias.version())
                    .orElseThrow(() -> notFound(ref));
        }
        String version = ref.isLatest() ? VersionRow.LATEST : ref.qualifier();
        return ctx.functions().version(c, ref.scope(), ref.name(), version).orElseThrow(() -> notFound(ref));
    }

    /** Refuses a change while the last one is still in progress, with AWS's two messages. */
    void checkIdle(VersionRow row, long now) {
        if (row.settled(now)) {
            return;
        }
        if (row.op().equals("create")) {
            throw ApiException.conflict("The operation cannot be performed at this time. The function is currently"
                    + " in the following state: Pending");
        }
        throw ApiException.conflict("The operation cannot be performed at this time. An update is in progress for"
                + " resource: " + Arns.function(row.scope(), row.function()));
    }

    /** {@code $LATEST}, checked as a change needs it: idle, and at the caller's revision if one is given. */
    VersionRow latestForChange(Connection c, FunctionRef ref, String expectedRevision, long now)
            throws SQLException {
        VersionRow latest = latest(c, ref);
        checkIdle(latest, now);
        checkRevision(expectedRevision, ConfigurationView.revision(latest, now), "GetFunction/GetAlias");
        return latest;
    }

    /**
     * AWS names {@code GetFunction/GetAlias} for functions, versions and aliases and {@code GetLayerPolicy} for layer
     * policies (recorded in LocalStack's test_lambda_api.snapshot.json, TestLambdaRevisions and
     * test_layer_policy_exceptions).
     */
    static void checkRevision(String expected, String actual, String api) {
        if (expected != null && !expected.isEmpty() && !expected.equals(actual)) {
            throw ApiException.preconditionFailed(api);
        }
    }
}
