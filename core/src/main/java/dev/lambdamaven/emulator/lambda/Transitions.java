package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.store.VersionRow;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a function's create or update is done as clients see it: once its state delay has passed and a read
 * (GetFunction, GetFunctionConfiguration) has shown it in progress, or {@link #UNSEEN_GRACE_MS} after its delay when
 * nobody looked. On AWS these operations take seconds, so a client that looks right after one always sees
 * {@code Pending} or {@code InProgress} once (LocalStack's test_lambda_api.py snapshots it, recorded on AWS:
 * test_lambda_code_location_zipfile, test_publish_with_update), and a second change right after the first is refused
 * (test_lambda_concurrent_code_updates); the emulator's delays are milliseconds, so a waiter that polls pays no more
 * than them. Operations without a delay (tests' zero delays) are done at once. Kept in memory: after a restart every
 * stored operation is done by its time alone.
 */
public final class Transitions {

    /** How long after its delay an operation nobody looked at stays in progress. */
    static final long UNSEEN_GRACE_MS = 250;

    /** Operations not yet shown to a reader: function, version and revision, and when their delay ends. */
    private final Map<String, Long> unseen = new ConcurrentHashMap<>();

    /** An operation written with a delay: in progress until shown (or the grace has passed). */
    void begun(VersionRow row) {
        if (unseen.size() > 10_000) { // operations nobody ever read: done by their time
            long stale = System.currentTimeMillis() - UNSEEN_GRACE_MS;
            unseen.values().removeIf(doneAt -> doneAt < stale);
        }
        unseen.put(key(row), row.doneAt());
    }

    /** Whether the row's operation is done as clients see it now. */
    boolean settled(VersionRow row, long now) {
        return row.settled(now) && (now >= row.doneAt() + UNSEEN_GRACE_MS || !unseen.containsKey(key(row)));
    }

    /** A read has shown the row (as {@link #settled} said): an operation in progress has now been seen. */
    void shown(VersionRow row) {
        unseen.remove(key(row));
    }

    private static String key(VersionRow row) {
        return row.scope().account() + ":" + row.scope().region() + ":" + row.function() + ":" + row.version() + "@"
                + row.revision();
    }
}
