package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.store.AliasRow;
import dev.lambdamaven.emulator.store.ProvisionedConcurrencyStore.Provisioned;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The execution environments a provisioned concurrency config keeps, by pool (a version's config: one pool; an
 * alias's: one for the version it points at and one per canary version, {@link #canaryCount} of them), and whether
 * they are ready, which decides where an alias's traffic goes:
 * <ul>
 *   <li>an alias with provisioned concurrency moved to another version keeps all its traffic on the version it left
 *       (its {@link AliasRow#warming()} version, which GetAlias shows as weight 1.0, as AWS does during that
 *       transition) until the new version's environments are ready;</li>
 *   <li>a canary version of such an alias gets its weight of the traffic only once its environments are ready.</li>
 * </ul>
 * A pool is ready when it runs the version it is meant to run with all its environments initialised, or when this
 * machine cannot run the function at all (AWS would). Once an alias's move is seen ready it stays so.
 */
final class ProvisionedPools {

    private final LambdaContext ctx;
    private final FunctionRuntime runtime;
    /** Alias moves seen ready: alias ARN and revision (each update of an alias is a new revision). */
    private final Set<String> warmed = ConcurrentHashMap.newKeySet();

    ProvisionedPools(LambdaContext ctx, FunctionRuntime runtime) {
        this.ctx = ctx;
        this.runtime = runtime;
    }

    /** The pool of a config's own version (an alias's: the version it points at). */
    static String pool(Scope scope, String function, String qualifier) {
        return Arns.function(scope, function, qualifier);
    }

    /** The pool of an alias's canary version. */
    static String canaryPool(Scope scope, String function, String alias, String version) {
        return pool(scope, function, alias) + "#" + version;
    }

    /** Environments for a canary version: its weight's share of the config, at least one. */
    static int canaryCount(int requested, double weight) {
        return Math.max(1, (int) Math.ceil(requested * weight));
    }

    FunctionRuntime.ProvisionState state(String pool) {
        return runtime == null ? null : runtime.provisioned(pool);
    }

    /** Whether {@code pool} runs {@code version} with {@code count} initialised environments. */
    boolean ready(String pool, String version, int count) {
        FunctionRuntime.ProvisionState state = state(pool);
        return state == null || state.notRunnableHere() != null
                || version.equals(state.version()) && state.ready() >= count;
    }

    /** Whether every pool of {@code config} is ready (an alias's version and canaries included). */
    boolean ready(Connection c, Scope scope, Provisioned config) throws SQLException {
        String qualifier = config.qualifier();
        if (qualifier.matches("\\d+")) {
            return ready(pool(scope, config.function(), qualifier), qualifier, config.requested());
        }
        Optional<AliasRow> alias = ctx.aliases().find(c, scope, config.function(), qualifier);
        if (alias.isEmpty()) {
            return false;
        }
        if (!ready(pool(scope, config.function(), qualifier), alias.get().version(), config.requested())) {
            return false;
        }
        for (Map.Entry<String, Double> canary : alias.get().routing().entrySet()) {
            if (!ready(canaryPool(scope, config.function(), qualifier, canary.getKey()), canary.getKey(),
                    canaryCount(config.requested(), canary.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** The weights GetAlias shows: the stored ones, or all on the version left while the new one warms up. */
    Map<String, Double> shown(Connection c, AliasRow alias) throws SQLException {
        return warmingUp(c, alias) ? Map.of(alias.warming(), 1.0) : alias.routing();
    }

    /** The weights invocations follow: as shown, less canary versions whose environments are not ready yet. */
    Map<String, Double> routed(Connection c, AliasRow alias) throws SQLException {
        if (warmingUp(c, alias)) {
            return Map.of(alias.warming(), 1.0);
        }
        if (alias.routing().isEmpty()) {
            return alias.routing();
        }
        Optional<Provisioned> config = ctx.provisioned().find(c, alias.scope(), alias.function(), alias.name());
        if (config.isEmpty()) {
            return alias.routing();
        }
        Map<String, Double> routed = new LinkedHashMap<>();
        alias.routing().forEach((version, weight) -> {
            if (ready(canaryPool(alias.scope(), alias.function(), alias.name(), version), version,
                    canaryCount(config.get().requested(), weight))) {
                routed.put(version, weight);
            }
        });
        return routed;
    }

    /** Whether the alias moved to a version whose provisioned environments are still starting. */
    boolean warmingUp(Connection c, AliasRow alias) throws SQLException {
        if (alias.warming() == null) {
            return false;
        }
        String key = pool(alias.scope(), alias.function(), alias.name()) + "@" + alias.revision();
        if (warmed.contains(key)) {
            return false;
        }
        Optional<Provisioned> config = ctx.provisioned().find(c, alias.scope(), alias.function(), alias.name());
        if (config.isEmpty() || ready(pool(alias.scope(), alias.function(), alias.name()), alias.version(),
                config.get().requested())) {
            warmed.add(key);
            return false;
        }
        return true;
    }
}
