package dev.lambdamaven.deploy;

import java.util.Map;

/**
 * An alias after an update: its primary version, the extra versions with their traffic share (a canary), the
 * version it had before this change (recorded for rollback), and whether this run changed it.
 */
public record AliasResult(String name, String aliasArn, String functionVersion, Map<String, Double> weights,
                          String previousVersion, boolean changed) {

    public AliasResult {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    public String describe() {
        return name + " -> " + functionVersion + (weights.isEmpty() ? "" : " " + weights);
    }
}
