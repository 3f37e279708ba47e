package dev.lambdamaven.deploy;

import java.util.Map;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/**
 * A move of an alias worked out before anything is sent: the alias as read ({@code null}: it does not exist
 * and is created), the primary version and canary weights it gets, its release history with the move recorded,
 * and a note for the log when the plan explains why nothing moves.
 */
record AliasPlan(String functionName, String aliasName, GetAliasResponse current, String primary,
                 Map<String, Double> weights, ReleaseHistory history, String note) {

    AliasPlan {
        weights = Map.copyOf(weights);
    }

    static AliasPlan unchanged(String functionName, GetAliasResponse current, ReleaseHistory history, String note) {
        return new AliasPlan(functionName, current.name(), current, current.functionVersion(),
                AliasUpdater.weights(current), history, note);
    }

    boolean create() {
        return current == null;
    }

    boolean changed() {
        return create() || !primary.equals(current.functionVersion()) || !weights.equals(AliasUpdater.weights(current));
    }

    /** The version that loses traffic: the old primary when the primary moves. */
    String previous() {
        return create() || primary.equals(current.functionVersion()) ? null : current.functionVersion();
    }

    /** {@code live: 6 -> 7}, {@code live: 6 -> 6 {7=0.1}}, {@code live: (new) -> 1}. */
    String describeChange() {
        String from = create() ? "(new)" : current.functionVersion() + render(AliasUpdater.weights(current));
        return aliasName + ": " + from + " -> " + primary + render(weights);
    }

    AliasResult result(String aliasArn, boolean changed) {
        return new AliasResult(aliasName, aliasArn, primary, weights, previous(), changed);
    }

    private static String render(Map<String, Double> weights) {
        return weights.isEmpty() ? "" : " " + weights;
    }
}
