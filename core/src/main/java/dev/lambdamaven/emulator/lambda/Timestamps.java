package dev.lambdamaven.emulator.lambda;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Lambda's timestamp formats; the usual one is e.g. {@code 2024-01-31T12:00:00.000+0000}. */
final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Whole seconds, e.g. {@code 2019-12-31T20:28:49+0000} (provisioned concurrency). */
    static String seconds(long epochMillis) {
        return SECONDS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** ISO 8601 with microseconds, e.g. {@code 2021-12-08T20:36:07.592000Z} (function URLs). */
    static String iso(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis));
    }

    /** A {@code timestamp} member of the API's JSON: seconds since the epoch, e.g. {@code 1569284520.333}. */
    static double epochSeconds(long epochMillis) {
        return epochMillis / 1000.0;
    }
}
