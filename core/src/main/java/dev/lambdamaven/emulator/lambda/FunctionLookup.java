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

    /**
     * The function (and {@code Qualifier}) a request names, once the name, the qualifier and the body's own failures
     * in {@code body} pass the front end together; {@code rule}: the operation's FunctionName constraints.
     */
    FunctionRef ref(ApiRequest request, Violations.StringRule rule, Violations body) {
        String qualifier = request.query("Qualifier");
        Violations all = new Violations().string("functionName", request.path("name"), rule)
                .string("qualifier", qualifier, Validation.QUALIFIER).addAll(body);
        all.check();
        return FunctionRef.parse(request.path("name"), qualifier, request.scope());
    }

    /** A GetFunction-like operation's function: a name of up to 256 characters, and a {@code Qualifier}. */
    FunctionRef ref(ApiRequest request) {
        return ref(request, Validation.NAMESPACED_FUNCTION_NAME, new Violations());
    }

    /** An operation on the function itself (a name of up to 140 characters, no {@code Qualifier} parameter). */
    FunctionRef unqualified(ApiRequest request, Violations body) {
        Violations all = new Violations().string("functionName", request.path("name"), Validation.FUNCTION_NAME)
                .addAll(body);
        all.check();
        return FunctionRef.parse(request.path("name"), null, request.scope());
    }

    FunctionRef unqualified(ApiRequest request) {
        return unqualified(request, new Violations());
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
        if (ctx.transitions().settled(row, now)) {
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
        checkRevision(expectedRevision, ConfigurationView.revision(ctx.transitions(), latest, now), REVISION_SOURCE);
        return latest;
    }

    /**
     * The APIs AWS names for the revision of a function, version or alias (test_publish_with_wrong_revisionid,
     * TestLambdaRevisions).
     */
    static final String REVISION_SOURCE = "GetFunction/GetAlias";

    static void checkRevision(String expected, String actual, String api) {
        if (expected != null && !expected.isEmpty() && !expected.equals(actual)) {
            throw ApiException.preconditionFailed(api);
        }
    }
}
