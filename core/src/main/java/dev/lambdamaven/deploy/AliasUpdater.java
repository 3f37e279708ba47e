package dev.lambdamaven.deploy;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.deploy.ReleaseHistory.Event;
import dev.lambdamaven.deploy.ReleaseHistory.Kind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

/**
 * Plans and applies alias moves: point at a version (fully or as a canary), promote a canary, roll back along
 * the alias's {@link ReleaseHistory}. A plan is worked out from one GetAlias and changes nothing; applying it is
 * one CreateAlias or UpdateAlias carrying the new history, guarded by the RevisionId the plan read.
 */
final class AliasUpdater {

    private final LambdaClient lambda;
    private final Retry retry;
    private final DeployLog log;
    private final Clock clock;

    AliasUpdater(LambdaClient lambda, Retry retry, DeployLog log, Clock clock) {
        this.lambda = lambda;
        this.retry = retry;
        this.log = log;
        this.clock = clock;
    }

    /** Routes {@code alias} to {@code version}: all traffic, or {@code alias.weight()} of it as a canary. */
    AliasPlan point(String functionName, AliasSpec alias, String version, Origin origin) {
        Optional<GetAliasResponse> found = read(functionName, alias.name());
        if (found.isEmpty()) {
            if (alias.canary() || alias.shift() != null) {
                log.warn("Alias " + alias.name() + " does not exist yet, so there is no version to keep as primary:"
                        + " creating it on version " + version + " with all traffic");
            }
            return new AliasPlan(functionName, alias.name(), null, version, Map.of(),
                    ReleaseHistory.EMPTY.with(event(Kind.RELEASE, version, null, null)), null);
        }
        GetAliasResponse current = found.get();
        ReleaseHistory history = ReleaseHistory.parse(current.description());
        String primary = current.functionVersion();
        Optional<Event> rollback = history.rollbackOf(version);
        if (origin == Origin.UNCHANGED && !primary.equals(version) && rollback.isPresent()) {
            return AliasPlan.unchanged(functionName, current, history, "Alias " + alias.name() + " stays at version "
                    + primary + " where lambda:rollback put it at " + rollback.get().time() + ": version " + version
                    + " was rolled back and this build published nothing new; only a newly published version moves"
                    + " the alias again (or name one with -Dlambda.version)");
        }
        boolean canary = (alias.canary() || alias.shift() != null) && !primary.equals(version);
        if (canary) {
            double weight = alias.canary() ? alias.weight() : alias.shift().steps().get(0).weight();
            Map<String, Double> weights = Map.of(version, weight);
            return weights.equals(weights(current)) ? AliasPlan.unchanged(functionName, current, history, null)
                    : new AliasPlan(functionName, alias.name(), current, primary, weights,
                            history.with(event(Kind.CANARY, version, weight, primary)), null);
        }
        if (primary.equals(version) && weights(current).isEmpty()) {
            return AliasPlan.unchanged(functionName, current, history, null);
        }
        Kind kind = weights(current).containsKey(version) ? Kind.PROMOTE : Kind.RELEASE;
        return new AliasPlan(functionName, alias.name(), current, version, Map.of(),
                primary.equals(version) ? history : history.with(event(kind, version, null, primary)), null);
    }

    /** Moves all traffic of a canary alias to its canary version. */
    AliasPlan promote(String functionName, String aliasName) {
        GetAliasResponse current = require(functionName, aliasName);
        ReleaseHistory history = ReleaseHistory.parse(current.description());
        Map<String, Double> weights = weights(current);
        if (weights.isEmpty()) {
            return AliasPlan.unchanged(functionName, current, history, "Alias " + aliasName
                    + " has no canary: all traffic already goes to version " + current.functionVersion());
        }
        String canary = weights.keySet().iterator().next();
        return new AliasPlan(functionName, aliasName, current, canary, Map.of(),
                history.with(event(Kind.PROMOTE, canary, null, current.functionVersion())), null);
    }

    /**
     * Ends a canary (all traffic back to the primary, one step), or goes back {@code steps} releases along the
     * history, or back to {@code toVersion} when set (a release of the history older than the current one).
     */
    AliasPlan rollback(String functionName, String aliasName, int steps, String toVersion) {
        GetAliasResponse current = require(functionName, aliasName);
        ReleaseHistory history = ReleaseHistory.parse(current.description());
        String primary = current.functionVersion();
        Map<String, Double> canary = weights(current);
        if (!canary.isEmpty() && (toVersion == null ? steps == 1 : toVersion.equals(primary))) {
            String version = canary.keySet().iterator().next();
            return new AliasPlan(functionName, aliasName, current, primary, Map.of(),
                    history.with(event(Kind.ROLLBACK, primary, null, version)),
                    "Alias " + aliasName + ": ending the canary of version " + version + ", all traffic back to version "
                            + primary);
        }
        List<String> releases = history.releases();
        int position = releases.lastIndexOf(primary);
        if (position < 0) { // moved outside the plugin: the current version counts as the newest release
            position = releases.size();
        }
        String target;
        if (toVersion != null) {
            int index = releases.subList(0, position).lastIndexOf(toVersion);
            if (index < 0) {
                throw new DeployRefusedException("Version " + toVersion + " is not an earlier release of alias "
                        + aliasName + " of " + functionName + " (its history: " + describe(releases) + "). Roll back"
                        + " along the history with -Dlambda.rollback.steps=N, or point the alias at any published"
                        + " version with lambda:update-alias -Dlambda.version=" + toVersion);
            }
            target = toVersion;
        } else if (position - steps < 0) {
            throw new DeployRefusedException("Alias " + aliasName + " of " + functionName + " has " + position
                    + " earlier release(s) in its history (" + describe(releases) + ") and cannot go back " + steps
                    + (history.isEmpty() ? " (its description holds no history: '" + current.description() + "')" : "")
                    + ". Point it at a published version with lambda:update-alias -Dlambda.version=N");
        } else {
            target = releases.get(position - steps);
        }
        requirePublished(functionName, aliasName, target);
        return new AliasPlan(functionName, aliasName, current, target, Map.of(),
                history.with(event(Kind.ROLLBACK, target, null, primary)), null);
    }

    /** Sends the plan: CreateAlias, or UpdateAlias guarded by the revision the plan read. */
    AliasResult apply(AliasPlan plan) {
        if (!plan.changed()) {
            return plan.result(plan.current().aliasArn(), false);
        }
        if (plan.create()) {
            var created = retry.call("CreateAlias", () -> lambda.createAlias(r -> r.functionName(plan.functionName())
                    .name(plan.aliasName()).functionVersion(plan.primary())
                    .description(plan.history().description())));
            return plan.result(created.aliasArn(), true);
        }
        if (!ReleaseHistory.ours(plan.current().description())) {
            log.warn("Alias " + plan.aliasName() + ": its description '" + plan.current().description()
                    + "' is replaced by the release history the plugin keeps there");
        }
        UpdateAliasResponse updated = update(plan.functionName(), plan.aliasName(), plan.primary(), plan.weights(),
                plan.history(), plan.current().revisionId());
        return plan.result(updated.aliasArn(), true);
    }

    /** One UpdateAlias; a concurrent change of the alias (another revision) fails it with the fix. */
    UpdateAliasResponse update(String functionName, String aliasName, String primary, Map<String, Double> weights,
                               ReleaseHistory history, String revisionId) {
        try {
            return retry.call("UpdateAlias", () -> lambda.updateAlias(r -> r.functionName(functionName)
                    .name(aliasName).functionVersion(primary).description(history.description())
                    .revisionId(revisionId).routingConfig(c -> c.additionalVersionWeights(weights))));
        } catch (PreconditionFailedException e) {
            throw new DeployRefusedException("Alias " + aliasName + " of " + functionName + " was changed by someone"
                    + " else while this build moved it (revision differs): run the goal again");
        }
    }

    private void requirePublished(String functionName, String aliasName, String version) {
        try {
            lambda.getFunctionConfiguration(r -> r.functionName(functionName).qualifier(version));
        } catch (ResourceNotFoundException e) {
            throw new DeployRefusedException("Version " + version + " of " + functionName + ", where the history of alias "
                    + aliasName + " goes back to, no longer exists (deleted, by lambda:prune for one): roll back fewer"
                    + " steps, or to a version that exists with -Dlambda.version=N");
        }
    }

    Optional<GetAliasResponse> read(String functionName, String name) {
        try {
            return Optional.of(lambda.getAlias(r -> r.functionName(functionName).name(name)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private GetAliasResponse require(String functionName, String name) {
        return read(functionName, name).orElseThrow(() -> new DeployRefusedException("Function " + functionName
                + " has no alias " + name + ": run lambda:update-alias first (mvn deploy)"));
    }

    Event event(Kind kind, String version, Double weight, String from) {
        return new Event(kind, version, weight, from, clock.instant());
    }

    static Map<String, Double> weights(GetAliasResponse a) {
        return a.routingConfig() == null || !a.routingConfig().hasAdditionalVersionWeights() ? Map.of()
                : a.routingConfig().additionalVersionWeights();
    }

    private static String describe(List<String> releases) {
        return releases.isEmpty() ? "none recorded" : String.join(" -> ", releases);
    }
}
