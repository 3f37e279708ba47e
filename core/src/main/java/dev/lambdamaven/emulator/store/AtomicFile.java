package dev.lambdamaven.emulator.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files replaced whole: written beside the target under a name no other live process uses, then renamed over
 * it, so a reader sees the old content or the new, never half of it.
 */
public final class AtomicFile {

    private static final AtomicLong COUNTER = new AtomicLong();
    /** Tells this run from an earlier process with the same pid (containers reuse pids) that left files behind. */
    private static final String RUN = Long.toHexString(ThreadLocalRandom.current().nextLong());

    private AtomicFile() {}

    public static void write(Path target, byte[] content) throws IOException {
        write(target, new ByteArrayInputStream(content));
    }

    public static void write(Path target, InputStream content) throws IOException {
        Path temp = target.resolveSibling(tempName(target.getFileName().toString()));
        try {
            try (FileChannel channel = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), OwnerOnly.fileAttributes())) {
                content.transferTo(java.nio.channels.Channels.newOutputStream(channel));
                channel.force(true); // on disk before the rename makes it visible under its name
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames a complete, synced {@code temp} over {@code target}, atomically where the file system can. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * {@code <prefix>.<pid>-<run>-<n>.tmp}, a name no other process picks. Not {@code Files.createTempFile},
     * whose random names seed a SecureRandom: a tenth of a second of the emulator's cold start.
     */
    public static String tempName(String prefix) {
        return prefix + "." + ProcessHandle.current().pid() + "-" + RUN + "-" + COUNTER.incrementAndGet() + ".tmp";
    }
}
