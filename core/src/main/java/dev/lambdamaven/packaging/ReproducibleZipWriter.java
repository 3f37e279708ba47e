package dev.lambdamaven.packaging;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a zip whose bytes depend only on the entries' names, modes and contents and on one timestamp:
 * entries in the given (sorted) order, every entry with the same time, fixed Unix modes, no extra fields,
 * jars stored as they are. The zip is streamed to a temporary file beside the target and moved into place
 * only when complete, so a failure never leaves a half-written zip; the SHA-256 is computed while writing.
 */
public final class ReproducibleZipWriter {

    private static final Instant DOS_EPOCH = Instant.parse("1980-01-01T00:00:00Z");
    private static final Instant DOS_END = Instant.parse("2107-12-31T23:59:58Z");
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private final long entryTime;

    /** @param timestamp the modification time of every entry (from {@code project.build.outputTimestamp}) */
    public ReproducibleZipWriter(Instant timestamp) {
        this.entryTime = localMillisShowingUtc(timestamp);
    }

    public PackageResult write(List<ZipItem> items, Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // not Files.createTempFile, whose files are owner-only (0600): the zip gets the mode of every other file
        // Maven writes in target/ (0644 under the usual umask)
        Path temp = directory.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + TEMP_COUNTER.incrementAndGet() + ".tmp");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                CountingOutputStream counting = new CountingOutputStream(new DigestOutputStream(
                        new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), BUFFER_SIZE),
                        sha256));
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(counting)) {
                    zip.setUseZip64(Zip64Mode.AsNeeded);
                    zip.setEncoding("UTF-8");
                    byte[] buffer = new byte[BUFFER_SIZE];
                    for (ZipItem item : items) {
                        writeEntry(zip, item, buffer);
                    }
                    zip.finish();
                    zip.flush();
                    channel.force(true);
                }
                size = counting.count;
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new PackageResult(target, size, items.size(), Base64.getEncoder().encodeToString(sha256.digest()));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void writeEntry(ZipArchiveOutputStream zip, ZipItem item, byte[] buffer) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(item.name());
        entry.setTime(entryTime);
        entry.setUnixMode((item.isDirectory() ? UnixStat.DIR_FLAG : UnixStat.FILE_FLAG) | item.mode());
        if (item.isDirectory()) {
            entry.setMethod(ZipArchiveEntry.STORED);
            entry.setSize(0);
            entry.setCrc(0);
            zip.putArchiveEntry(entry);
            zip.closeArchiveEntry();
            return;
        }
        if (item.isStored()) {
            // a stream cannot be rewound: a stored entry needs its size and CRC up front
            entry.setMethod(ZipArchiveEntry.STORED);
            entry.setSize(Files.size(item.source()));
            entry.setCrc(crc32(item.source(), buffer));
        } else {
            entry.setMethod(ZipArchiveEntry.DEFLATED);
        }
        zip.putArchiveEntry(entry);
        try (InputStream in = Files.newInputStream(item.source())) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                zip.write(buffer, 0, read);
            }
        }
        zip.closeArchiveEntry();
    }

    private static long crc32(Path file, byte[] buffer) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                crc.update(buffer, 0, read);
            }
        }
        return crc.getValue();
    }

    /**
     * Zip entry times are local date-time fields (MS-DOS format) that the zip library derives from the
     * JVM's time zone. To give the same bytes in every time zone, pass the instant whose local fields equal
     * the timestamp's UTC fields, clamped to the DOS range and rounded down to its 2-second precision.
     */
    static long localMillisShowingUtc(Instant timestamp) {
        Instant clamped = timestamp.isBefore(DOS_EPOCH) ? DOS_EPOCH : timestamp.isAfter(DOS_END) ? DOS_END : timestamp;
        long evenSeconds = clamped.getEpochSecond() - Math.floorMod(clamped.getEpochSecond(), 2);
        LocalDateTime utcFields = LocalDateTime.ofEpochSecond(evenSeconds, 0, ZoneOffset.UTC);
        return utcFields.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
