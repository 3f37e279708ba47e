package dev.lambdamaven.emulator.lambda;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers of the hot reads (GetFunction, GetFunctionConfiguration: what deploys, waiters and dashboards ask most),
 * kept as the bytes sent, for as long as the database has not changed since they were read and for at most
 * {@link #MAX_AGE_NANOS} (a GetFunction answer carries a code link that is valid for ten minutes from when it was
 * made). Only answers that do not change with time by themselves are kept: a function whose last operation is
 * still pending is read every time.
 */
final class AnswerCache {

    /** A minute: a cached code link still has nine of its ten minutes. */
    static final long MAX_AGE_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 4096;

    private record Entry(long changeCount, long madeAt, byte[] body) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The answer kept for {@code key}, if the database's change count is still {@code changeCount}. */
    byte[] get(String key, long changeCount) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.changeCount != changeCount || System.nanoTime() - entry.madeAt > MAX_AGE_NANOS) {
            entries.remove(key, entry);
            return null;
        }
        return entry.body;
    }

    /** Keeps {@code body}, read when the database's change count was {@code changeCount}. */
    void put(String key, long changeCount, byte[] body) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // a cache, not a store: the next reads fill it again
        }
        entries.put(key, new Entry(changeCount, System.nanoTime(), body));
    }
}
