package dev.lambdamaven.emulator.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One collection pass under the rules of {@link BlobCollector}. */
final class BlobSweep {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    /**
     * A temp file is a write in progress (a package streaming in) or a crash's leftover: it goes once untouched for
     * the grace period, and never sooner than a minute, whatever the grace (zero in tests).
     */
    private static final long TEMP_MIN_AGE_MS = 60_000;

    /** What a pass deleted, and the earliest time (epoch millis) something it kept may go; MAX_VALUE if never. */
    record Outcome(BlobCollector.Collected collected, long nextDue) {}

    private final Database db;
    private final BlobStore blobs;
    private final long graceMillis;
    private volatile boolean stopped;

    BlobSweep(Database db, BlobStore blobs, Duration gracePeriod) {
        this.db = db;
        this.blobs = blobs;
        this.graceMillis = saturatedMillis(gracePeriod);
    }

    /** No deletion after this: the emulator is closing. */
    void stop() {
        stopped = true;
    }

    Outcome run() throws IOException {
        // listed outside the transaction to keep the write lock short: a blob stored after the listing is left
        // to the next pass
        List<String> candidates = list(blobs.directory(), SHA.asPredicate());
        List<String> deleted = new ArrayList<>();
        long[] nextDue = {Long.MAX_VALUE};
        db.write(c -> {
            if (stopped) {
                return null;
            }
            Set<String> referenced = new HashSet<>(Sql.list(c, Schema.referencedBlobs(), rs -> rs.getString(1)));
            Map<String, Long> drops = new HashMap<>();
            for (var drop : Sql.list(c, "SELECT sha, dropped_at FROM blob_drops",
                    rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
                drops.put(drop.getKey(), drop.getValue());
            }
            long now = System.currentTimeMillis();
            for (String sha : candidates) {
                long modified = referenced.contains(sha) ? -1 : modified(blobs.path(sha));
                if (modified < 0) { // referenced, or gone: a later drop records a new time
                    forget(c, drops, sha);
                    continue;
                }
                long due = due(Math.max(modified, drops.getOrDefault(sha, 0L)));
                if (blobs.pinned(sha)) {
                    nextDue[0] = Math.min(nextDue[0], due(now)); // look again once the reader may be done
                } else if (due > now) {
                    nextDue[0] = Math.min(nextDue[0], due);
                } else if (delete(blobs.path(sha))) {
                    deleted.add(sha);
                    forget(c, drops, sha);
                }
            }
            return null;
        });
        List<String> temps = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (String name : stopped ? List.<String>of() : list(blobs.tempDirectory(), n -> n.endsWith(".tmp"))) {
            Path temp = blobs.tempDirectory().resolve(name);
            long modified = modified(temp);
            if (modified < 0) {
                continue;
            }
            long due = Math.max(due(modified), modified + TEMP_MIN_AGE_MS);
            if (due > now) {
                nextDue[0] = Math.min(nextDue[0], due);
            } else if (delete(temp)) {
                temps.add(name);
            }
        }
        return new Outcome(new BlobCollector.Collected(List.copyOf(deleted), List.copyOf(temps)), nextDue[0]);
    }

    private static List<String> list(Path directory, Predicate<String> names) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(names).toList();
        }
    }

    /** Modification time in epoch millis, -1 if the file is gone. */
    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    /** When something last written or dropped at {@code since} (epoch millis, not negative) may go. */
    private long due(long since) {
        return since > Long.MAX_VALUE - graceMillis ? Long.MAX_VALUE : since + graceMillis;
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false; // e.g. open on Windows: a later pass tries again
        }
    }

    private static void forget(Connection c, Map<String, Long> drops, String sha) throws SQLException {
        if (drops.containsKey(sha)) {
            Sql.update(c, "DELETE FROM blob_drops WHERE sha = ?", sha);
        }
    }

    private static long saturatedMillis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
