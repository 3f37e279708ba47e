package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.runtime.InvocationRequest;
import dev.lambdamaven.emulator.store.AliasRow;
import dev.lambdamaven.emulator.store.ProvisionedConcurrencyStore.Provisioned;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives provisioned concurrency configs their environments: for each config, that many execution environments of
 * the version it names (an alias's: the version the alias points at now, and a share for its canary version, see
 * {@link ProvisionedPools}) are started ahead by the runtime and kept warm. Called after every change that moves them (a config put or deleted, an alias updated or deleted, a function
 * or version deleted) and for every stored config when the emulator starts; environments of a config that is gone
 * end.
 */
final class Provisioner {

    private static final Logger LOG = Logger.getLogger(Provisioner.class.getName());

    private final LambdaContext ctx;
    private final FunctionRuntime runtime;
    private final InvokeHandler invoke;
    /** The pool names this emulator gave the runtime, per function ARN. */
    private final Map<String, Set<String>> pools = new ConcurrentHashMap<>();

    Provisioner(LambdaContext ctx, FunctionRuntime runtime, InvokeHandler invoke) {
        this.ctx = ctx;
        this.runtime = runtime;
        this.invoke = invoke;
    }

    /** {@code route}, then the function's provisioned environments brought in line with what it changed. */
    Router.Route after(Router.Route route) {
        return Router.then(route, (request, response) -> reconcile(request));
    }

    private void reconcile(ApiRequest request) {
        try {
            FunctionRef ref = FunctionRef.parse(request.path("name"), null, request.scope());
            reconcile(ref.scope(), ref.name());
        } catch (RuntimeException e) { // the change itself is done: say why its environments did not follow
            LOG.log(Level.WARNING, "cannot provision the environments of " + request.path("name"), e);
        }
    }

    /** Every stored config's environments (at start). */
    void reconcileAll() {
        if (runtime == null) {
            return;
        }
        try {
            ctx.db().read(c -> ctx.provisioned().functions(c)).forEach(f -> reconcile(f.scope(), f.function()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot start the provisioned environments of this state directory", e);
        }
    }

    synchronized void reconcile(Scope scope, String function) {
        if (runtime == null) {
            return;
        }
        Map<String, InvocationRequest> wanted = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        ctx.db().read(c -> {
            for (Provisioned config : ctx.provisioned().list(c, scope, function)) {
                String qualifier = config.qualifier();
                AliasRow alias = qualifier.matches("\\d+") ? null
                        : ctx.aliases().find(c, scope, function, qualifier).orElse(null);
                String version = alias == null ? qualifier : alias.version();
                String pool = ProvisionedPools.pool(scope, function, qualifier);
                want(c, scope, function, version, pool, config.requested(), wanted, counts);
                if (alias != null) { // a canary version gets environments of its own
                    for (Map.Entry<String, Double> canary : alias.routing().entrySet()) {
                        want(c, scope, function, canary.getKey(), ProvisionedPools.canaryPool(scope, function,
                                qualifier, canary.getKey()), ProvisionedPools.canaryCount(config.requested(),
                                canary.getValue()), wanted, counts);
                    }
                }
            }
            return null;
        });
        String arn = Arns.function(scope, function);
        Set<String> known = pools.computeIfAbsent(arn, k -> new HashSet<>());
        for (String gone : List.copyOf(known)) {
            if (!wanted.containsKey(gone)) {
                runtime.provision(gone, null, 0);
                known.remove(gone);
            }
        }
        wanted.forEach((name, template) -> {
            runtime.provision(name, template, counts.get(name));
            known.add(name);
        });
    }

    private void want(Connection c, Scope scope, String function, String version, String pool, int count,
                      Map<String, InvocationRequest> wanted, Map<String, Integer> counts) throws SQLException {
        if (ctx.functions().version(c, scope, function, version).isPresent()) {
            wanted.put(pool, invoke.template(new FunctionRef(scope, function, version)));
            counts.put(pool, count);
        }
    }
}
