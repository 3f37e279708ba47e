package dev.lambdamaven.deploy;

import dev.lambdamaven.config.AliasSpec;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Points an alias at a version, fully or as a canary, promotes a canary and rolls back. The version an alias
 * had before each change is recorded in the alias's description ({@code previous=N}), so rollback restores
 * what was there rather than guessing "version minus one".
 */
final class AliasUpdater {

    private static final String RECORD_PREFIX = "lambda-maven-plugin previous=";
    private static final Pattern RECORD = Pattern.compile(Pattern.quote(RECORD_PREFIX) + "(\\d+)");

    private final LambdaClient lambda;
    private final Retry retry;
    private final DeployLog log;

    AliasUpdater(LambdaClient lambda, Retry retry, DeployLog log) {
        this.lambda = lambda;
        this.retry = retry;
        this.log = log;
    }

    /** Routes {@code alias} to {@code version}: all traffic, or {@code alias.weight()} of it as a canary. */
    AliasResult point(String functionName, AliasSpec alias, String version, boolean dryRun) {
        Optional<GetAliasResponse> current = read(functionName, alias.name());
        if (current.isEmpty()) {
            if (alias.canary()) {
                log.warn("Alias " + alias.name() + " does not exist yet, so there is no version to keep as primary:"
                        + " creating it on version " + version + " with all traffic");
            }
            if (dryRun) {
                return new AliasResult(alias.name(), null, version, Map.of(), null, true);
            }
            String arn = retry.call("CreateAlias", () -> lambda.createAlias(r -> r.functionName(functionName)
                    .name(alias.name()).functionVersion(version).description(RECORD_PREFIX + "none"))).aliasArn();
            return new AliasResult(alias.name(), arn, version, Map.of(), null, true);
        }
        GetAliasResponse a = current.get();
        String primary = a.functionVersion();
        boolean canary = alias.canary() && !primary.equals(version);
        Map<String, Double> weights = canary ? Map.of(version, alias.weight()) : Map.of();
        return apply(functionName, a, canary ? primary : version, weights, dryRun);
    }

    /** Moves all traffic of a canary alias to its canary version. */
    AliasResult promote(String functionName, String aliasName, boolean dryRun) {
        GetAliasResponse a = require(functionName, aliasName);
        Map<String, Double> weights = weights(a);
        if (weights.isEmpty()) {
            log.info("Alias " + aliasName + " has no canary: all traffic already goes to version " + a.functionVersion());
            return result(a, previous(a), false);
        }
        return apply(functionName, a, weights.keySet().iterator().next(), Map.of(), dryRun);
    }

    /** Ends a canary (all traffic back to the primary) or, without one, returns to the recorded previous version. */
    AliasResult rollback(String functionName, String aliasName, boolean dryRun) {
        GetAliasResponse a = require(functionName, aliasName);
        if (!weights(a).isEmpty()) {
            log.info("Alias " + aliasName + ": ending the canary, all traffic back to version " + a.functionVersion());
            return apply(functionName, a, a.functionVersion(), Map.of(), dryRun);
        }
        String previous = previous(a);
        if (previous == null) {
            throw new DeployRefusedException("Alias " + aliasName + " of " + functionName + " has no recorded previous"
                    + " version (description: '" + a.description() + "'): promote a version explicitly with"
                    + " lambda:update-alias -Dlambda.version=N");
        }
        return apply(functionName, a, previous, Map.of(), dryRun);
    }

    private AliasResult apply(String functionName, GetAliasResponse current, String primary,
                              Map<String, Double> weights, boolean dryRun) {
        if (current.functionVersion().equals(primary) && weights(current).equals(weights)) {
            return result(current, previous(current), false);
        }
        boolean primaryMoves = !current.functionVersion().equals(primary);
        String description = primaryMoves ? RECORD_PREFIX + current.functionVersion() : current.description();
        String previous = primaryMoves ? current.functionVersion() : previous(current);
        if (dryRun) {
            return new AliasResult(current.name(), current.aliasArn(), primary, weights, previous, true);
        }
        var updated = retry.call("UpdateAlias", () -> lambda.updateAlias(r -> r.functionName(functionName)
                .name(current.name()).functionVersion(primary).description(description)
                .revisionId(current.revisionId())
                .routingConfig(c -> c.additionalVersionWeights(weights))));
        return new AliasResult(updated.name(), updated.aliasArn(), updated.functionVersion(), weights, previous, true);
    }

    private Optional<GetAliasResponse> read(String functionName, String name) {
        try {
            return Optional.of(lambda.getAlias(r -> r.functionName(functionName).name(name)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private GetAliasResponse require(String functionName, String name) {
        return read(functionName, name).orElseThrow(() -> new DeployRefusedException("Function " + functionName
                + " has no alias " + name + ": run lambda:update-alias first"));
    }

    private static AliasResult result(GetAliasResponse a, String previous, boolean changed) {
        return new AliasResult(a.name(), a.aliasArn(), a.functionVersion(), weights(a), previous, changed);
    }

    private static Map<String, Double> weights(GetAliasResponse a) {
        return a.routingConfig() == null || !a.routingConfig().hasAdditionalVersionWeights() ? Map.of()
                : a.routingConfig().additionalVersionWeights();
    }

    static String previous(GetAliasResponse a) {
        Matcher m = RECORD.matcher(a.description() == null ? "" : a.description());
        return m.find() ? m.group(1) : null;
    }
}
