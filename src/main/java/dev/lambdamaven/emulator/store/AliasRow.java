package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Scope;
import java.util.Map;

/** One alias: its primary version, optional weighted additional version and a revision id. */
public record AliasRow(Scope scope, String function, String name, String version, String description,
        Map<String, Double> routing, String revision) {}
