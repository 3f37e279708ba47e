package dev.lambdamaven.emulator.store;

import java.util.Map;

/** One alias: its primary version, optional weighted additional version and a revision id. */
public record AliasRow(String function, String name, String version, String description,
        Map<String, Double> routing, String revision) {}
