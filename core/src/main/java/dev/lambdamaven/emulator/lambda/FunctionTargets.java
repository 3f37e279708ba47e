package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.AliasRow;
import dev.lambdamaven.emulator.store.VersionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The function, {@code $LATEST}, version or alias an operation of the per-qualifier families names (policies,
 * asynchronous invocation, URLs, provisioned concurrency, runtime management): read from the path's name or ARN
 * and the {@code Qualifier} parameter, each operation with the qualifier pattern the API reference gives it, then
 * looked up. Each family answers a missing target in its own words, so a lookup reports what is missing instead
 * of throwing.
 */
final class FunctionTargets {

    /** The {@code Qualifier} patterns of the API reference. */
    static final String NUMERIC_LATEST_PUBLISHED_OR_ALIAS = "\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+";
    static final String FUNCTION_URL_QUALIFIER = "((?!^\\d+$)^[0-9a-zA-Z-_]+$)";
    static final String VERSION_OR_ALIAS = "(|[a-zA-Z0-9$_-]+)";
    private static final Pattern ALIAS_NAME = Pattern.compile("[a-zA-Z0-9-_]+");

    /** What a reference names. */
    enum Kind { FUNCTION, LATEST, VERSION, ALIAS }

    /** What of a reference is missing. */
    enum Missing { FUNCTION, VERSION, ALIAS }

    /**
     * A looked-up reference: the rows it names ({@code version} is {@code $LATEST}'s row for the function and for
     * {@code $LATEST}, the alias's primary version for an alias), or what is missing.
     */
    record Target(FunctionRef ref, VersionRow version, AliasRow alias, Missing missing) {

        Kind kind() {
            return kindOf(ref);
        }

        boolean exists() {
            return missing == null;
        }

        String key() {
            return FunctionTargets.key(ref);
        }

        /** The ARN as the reference gives it: unqualified for the function itself. */
        String arn() {
            return ref.qualifiedArn();
        }

        /** As GetFunction answers: the function first, then the version or the alias. */
        ApiException notFound() {
            if (missing == Missing.FUNCTION) {
                return FunctionLookup.notFound(ref.scope(), ref.name(), null);
            }
            return notFoundByQualifier();
        }

        /** Naming what the qualifier asks for, whether the function exists or not (provisioned concurrency). */
        ApiException notFoundByQualifier() {
            return kind() == Kind.ALIAS ? ApiException.notFound("Cannot find alias arn: " + arn())
                    : FunctionLookup.notFound(ref);
        }
    }

    /** A function's configs of one family, as its List operation answers them. */
    @FunctionalInterface
    interface Configs<T> {
        List<T> read(Connection c, Scope scope, String function) throws SQLException;
    }

    private final LambdaContext ctx;

    FunctionTargets(LambdaContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The reference of {@code request}: {@code Qualifier} checked against {@code qualifierPattern} (1 to 128
     * characters), the name as {@link FunctionRef} reads it, and a qualifier in the name that differs from the
     * parameter refused as AWS refuses it.
     */
    static FunctionRef parse(ApiRequest request, String qualifierPattern) {
        String qualifier = request.query("Qualifier");
        qualifier(qualifier, qualifierPattern);
        FunctionRef named = FunctionRef.parse(request.path("name"), null, request.scope());
        if (qualifier == null) {
            qualifier(named.qualifier(), qualifierPattern);
            return named;
        }
        if (named.qualifier() != null && !named.qualifier().equals(qualifier)) {
            throw ApiException.invalidParameter("The derived qualifier from the function name does not match the"
                    + " specified qualifier.");
        }
        return new FunctionRef(named.scope(), named.name(), qualifier);
    }

    private static void qualifier(String qualifier, String pattern) {
        new Constraints().length(qualifier, "qualifier", 1, 128).pattern(qualifier, "qualifier", pattern).check();
    }

    /** The qualifier the families store a reference's settings under: {@code ""} for the function itself. */
    static String key(FunctionRef ref) {
        return ref.qualifier() == null ? "" : ref.qualifier();
    }

    static Kind kindOf(FunctionRef ref) {
        if (ref.qualifier() == null) {
            return Kind.FUNCTION;
        }
        if (ref.qualifier().equals(VersionRow.LATEST)) {
            return Kind.LATEST;
        }
        // a qualifier no alias could have ($ is allowed in the pattern) is looked up, and missed, as a version
        return ref.isVersionNumber() || !ALIAS_NAME.matcher(ref.qualifier()).matches() ? Kind.VERSION : Kind.ALIAS;
    }

    Target find(Connection c, FunctionRef ref) throws SQLException {
        VersionRow latest = ctx.functions().version(c, ref.scope(), ref.name(), VersionRow.LATEST).orElse(null);
        if (latest == null) {
            return new Target(ref, null, null, Missing.FUNCTION);
        }
        switch (kindOf(ref)) {
            case FUNCTION, LATEST:
                return new Target(ref, latest, null, null);
            case VERSION:
                VersionRow version = ctx.functions().version(c, ref.scope(), ref.name(), ref.qualifier()).orElse(null);
                return new Target(ref, version, null, version == null ? Missing.VERSION : null);
            default:
                AliasRow alias = ctx.aliases().find(c, ref.scope(), ref.name(), ref.qualifier()).orElse(null);
                if (alias == null) {
                    return new Target(ref, null, null, Missing.ALIAS);
                }
                return new Target(ref, ctx.functions().version(c, ref.scope(), ref.name(), alias.version())
                        .orElse(null), alias, null);
        }
    }

    /**
     * A family's List operation: the configs of the function the path names (404 {@code missing} when there is no
     * such function), rendered and paged under {@code field} with {@code Marker} and {@code MaxItems} (1 to 50).
     */
    <T> ApiResponse list(ApiRequest request, ApiException missing, Configs<T> configs, Function<T, JsonNode> render,
            String field) {
        FunctionRef ref = FunctionRef.parse(request.path("name"), null, request.scope());
        List<JsonNode> items = ctx.db().read(c -> {
            if (!ctx.functions().exists(c, ref.scope(), ref.name())) {
                throw missing;
            }
            List<JsonNode> result = new ArrayList<>();
            for (T config : configs.read(c, ref.scope(), ref.name())) {
                result.add(render.apply(config));
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, field, 50, 50);
        return ApiResponse.json(200, out);
    }

    /** The revision id the target shows now (GetFunction's, or GetAlias's). */
    String revision(Target target, long now) {
        return target.alias() != null ? target.alias().revision()
                : ConfigurationView.revision(ctx.transitions(), target.version(), now);
    }

    /**
     * Gives the target a new revision id, as a change of something that belongs to it (its policy) does on AWS, and
     * returns the one it shows now.
     */
    String touch(Connection c, Target target, long now) throws SQLException {
        if (target.alias() != null) {
            AliasRow changed = target.alias().withRevision(Ids.uuid());
            ctx.aliases().put(c, changed);
            return changed.revision();
        }
        VersionRow changed = target.version().withRevision(Ids.uuid());
        ctx.functions().put(c, changed);
        return ConfigurationView.revision(ctx.transitions(), changed, now);
    }
}
