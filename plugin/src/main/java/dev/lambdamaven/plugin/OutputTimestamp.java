package dev.lambdamaven.plugin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The time written into every zip entry: {@code project.build.outputTimestamp} as Maven reads it (ISO-8601
 * with an offset, or seconds since the epoch), or a fixed default when the property is unset, so that a
 * build is reproducible even without it.
 */
final class OutputTimestamp {

    /** The default: the earliest time a zip can hold (MS-DOS epoch), in UTC. */
    static final Instant DEFAULT = Instant.parse("1980-01-01T00:00:00Z");

    private OutputTimestamp() {}

    static Instant parse(String value) throws MojoFailureException {
        // Maven treats a single character (as in the archetypes' "${maven.build.timestamp}" placeholders) as unset
        if (value == null || value.trim().length() < 2) {
            return DEFAULT;
        }
        String trimmed = value.trim();
        try {
            if (trimmed.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(trimmed));
            }
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MojoFailureException("project.build.outputTimestamp '" + value + "' is neither an ISO-8601 "
                    + "date-time with offset (2026-01-01T00:00:00Z) nor seconds since the epoch. Fix the property "
                    + "<project.build.outputTimestamp> in the pom.");
        }
    }
}
