package dev.lambdamaven.deploy;

import java.time.Instant;

/**
 * One move of an alias as the history goal shows it: when, what ({@code release}, {@code canary},
 * {@code promote}, {@code rollback}), to which version from which, the canary weight, its state ({@code in
 * effect}, {@code rolled back}, or {@code -} for a rollback itself), and the version's own description (project
 * version and commit of its build).
 */
public record HistoryEntry(int number, Instant time, String action, String version, String from, String weight,
                           String state, String versionDescription) {
}
