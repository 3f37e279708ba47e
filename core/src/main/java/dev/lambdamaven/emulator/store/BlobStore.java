package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.BinarySink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content-addressed files (code and layer zips, S3 objects): written to a temp file, fsynced, then renamed
 * atomically to {@code blobs/<sha256 hex>}, so a reader never sees a partial file and a crash leaves at most
 * an orphaned temp file. Identical content is stored once. Blobs nothing references any more are deleted by
 * the {@link BlobCollector}.
 */
public final class BlobStore implements BinarySink {

    /** A stored blob: hex SHA-256, size and path. */
    public record Blob(String sha256Hex, long size, Path path) {
        public String sha256Base64() {
            return java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
        }
    }

    private final Path dir;
    private final Path tmp;
    private final Map<String, Integer> pins = new ConcurrentHashMap<>();

    public BlobStore(Path stateDir) throws IOException {
        this.dir = OwnerOnly.directory(stateDir.resolve("blobs"));
        this.tmp = OwnerOnly.directory(stateDir.resolve("tmp"));
    }

    public Blob put(byte[] content) throws IOException {
        return put(new java.io.ByteArrayInputStream(content), Long.MAX_VALUE);
    }

    /** Stores at most {@code limit} bytes of {@code in}; more is an {@link IOException}. */
    public Blob put(InputStream in, long limit) throws IOException {
        try (Writer writer = open()) {
            copy(in, writer.out(), limit);
            return writer.commit();
        }
    }

    /** A new blob, written as it comes: to a temp file, hashed on the way, moved into place by {@code commit}. */
    @Override
    public Writer open() throws IOException {
        return new Writer(tmp.resolve(AtomicFile.tempName("blob")));
    }

    /** A blob being written; closed without a commit, its temp file is deleted. */
    public final class Writer implements BinarySink.Binary {

        private final Path temp;
        private final FileChannel channel;
        private final MessageDigest digest = newSha256();
        private final OutputStream out;
        private boolean done;

        private Writer(Path temp) throws IOException {
            this.temp = temp;
            this.channel = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), OwnerOnly.fileAttributes());
            this.out = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024),
                    digest);
        }

        @Override
        public OutputStream out() {
            return out;
        }

        @Override
        public Blob commit() throws IOException {
            out.flush();
            channel.force(true);
            long size = channel.size();
            channel.close();
            String hex = HexFormat.of().formatHex(digest.digest());
            Path target = path(hex);
            if (!refresh(target)) {
                AtomicFile.moveIntoPlace(temp, target);
                syncDirectory(dir);
            }
            done = true;
            Files.deleteIfExists(temp);
            return new Blob(hex, size, target);
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                channel.close();
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Identical content is already stored: sets its modification time to now, as a fresh write would, so the
     * {@link BlobCollector} leaves it alone until the caller has committed its reference. False if it cannot.
     */
    private static boolean refresh(Path target) {
        try {
            Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis()));
            return true;
        } catch (IOException e) {
            return false; // gone (collected just now) or not ours to touch: the temp file replaces it
        }
    }

    /**
     * Called inside the write transaction that commits a reference to a blob stored before it: fails if the blob
     * is gone. The collector deletes only inside a write transaction, so a blob seen here stays until the
     * reference is committed; the grace period makes this failure practically impossible (see BlobCollector).
     */
    public void requirePresent(String sha256Hex) {
        Path path = path(sha256Hex);
        if (!Files.isRegularFile(path)) {
            throw new UncheckedIOException(new NoSuchFileException(path.toString(), null,
                    "the stored content was garbage-collected before it was referenced; retry the request"));
        }
    }

    /**
     * Keeps the blobs at {@code paths} from collection until the returned handle is closed: for readers that
     * may wait longer than the grace period before they open them (an Event invocation in its queue). Pins
     * hold in this emulator only.
     */
    public Pin pin(List<Path> paths) {
        List<String> shas = paths.stream().map(p -> p.getFileName().toString()).toList();
        shas.forEach(sha -> pins.merge(sha, 1, Integer::sum));
        return () -> shas.forEach(sha -> pins.computeIfPresent(sha, (k, n) -> n == 1 ? null : n - 1));
    }

    boolean pinned(String sha256Hex) {
        return pins.containsKey(sha256Hex);
    }

    public Path path(String sha256Hex) {
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256Hex);
        }
        return dir.resolve(sha256Hex);
    }

    public Blob get(String sha256Hex) throws IOException {
        Path path = path(sha256Hex);
        return new Blob(sha256Hex, Files.size(path), path);
    }

    Path directory() {
        return dir;
    }

    Path tempDirectory() {
        return tmp;
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw new BlobTooLargeException(limit);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be opened for fsync; the rename is still atomic
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Releases a {@link #pin}. */
    public interface Pin extends AutoCloseable {
        @Override
        void close();
    }

    /** More bytes than the caller allowed. */
    public static final class BlobTooLargeException extends IOException {
        public BlobTooLargeException(long limit) {
            super("content exceeds " + limit + " bytes");
        }
    }

}
