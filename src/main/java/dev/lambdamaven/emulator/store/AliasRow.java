package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Scope;
import java.util.Map;

/** One alias: its primary version, optional weighted additional version and a revision id. */
public record AliasRow(Scope scope, String function, String name, String version, String description,
        Map<String, Double> routing, String revision) {

    /** This alias with another revision id (a change of something that belongs to it, such as its policy). */
    public AliasRow withRevision(String newRevision) {
        return new AliasRow(scope, function, name, version, description, routing, newRevision);
    }
}
