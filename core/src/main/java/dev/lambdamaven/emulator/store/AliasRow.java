package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Scope;
import java.util.Map;

/**
 * One alias: its primary version, optional weighted additional version and a revision id; {@code warming}: the
 * version it left while it has provisioned concurrency, which keeps its traffic until the environments of the new
 * one are ready ({@code null} otherwise).
 */
public record AliasRow(Scope scope, String function, String name, String version, String description,
        Map<String, Double> routing, String revision, String warming) {

    /** This alias with another revision id (a change of something that belongs to it, such as its policy). */
    public AliasRow withRevision(String newRevision) {
        return new AliasRow(scope, function, name, version, description, routing, newRevision, warming);
    }
}
