package dev.lambdamaven.packaging;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Remembers what a zip was built from (entry names, modes, and each source's path, size and modification
 * time, plus the timestamp), so an unchanged build neither reads nor rewrites the inputs. The record lives
 * beside the other plugin state in {@code target/lambda/}.
 */
final class UpToDateCheck {

    private final Path recordFile;

    UpToDateCheck(Path workDirectory, Path zip) {
        this.recordFile = workDirectory.resolve(zip.getFileName() + ".inputs");
    }

    static String fingerprint(List<ZipItem> items, Instant timestamp) throws IOException {
        MessageDigest digest = ReproducibleZipWriter.sha256();
        update(digest, "v1 " + timestamp.getEpochSecond());
        for (ZipItem item : items) {
            update(digest, item.name() + " " + Integer.toOctalString(item.mode()));
            if (!item.isDirectory()) {
                BasicFileAttributes attributes = Files.readAttributes(item.source(), BasicFileAttributes.class);
                update(digest, item.source().toAbsolutePath() + " " + attributes.size() + " "
                        + attributes.lastModifiedTime().toInstant());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The recorded result, when the zip is still the one written for these inputs. */
    Optional<PackageResult> current(Path zip, String fingerprint) {
        if (!Files.isRegularFile(recordFile) || !Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(recordFile, StandardCharsets.UTF_8)) {
            Properties record = new Properties();
            record.load(reader);
            boolean same = fingerprint.equals(record.getProperty("fingerprint"))
                    && String.valueOf(Files.size(zip)).equals(record.getProperty("size"))
                    && String.valueOf(Files.getLastModifiedTime(zip).toMillis()).equals(record.getProperty("modified"));
            return same ? Optional.of(new PackageResult(zip, Files.size(zip),
                    Integer.parseInt(record.getProperty("entries")), record.getProperty("codeSha256")))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable record only costs a rebuild
        }
    }

    void record(PackageResult result, String fingerprint) throws IOException {
        Properties record = new Properties();
        record.setProperty("fingerprint", fingerprint);
        record.setProperty("size", String.valueOf(result.size()));
        record.setProperty("modified", String.valueOf(Files.getLastModifiedTime(result.zip()).toMillis()));
        record.setProperty("entries", String.valueOf(result.entryCount()));
        record.setProperty("codeSha256", result.codeSha256());
        Files.createDirectories(recordFile.getParent());
        try (Writer writer = Files.newBufferedWriter(recordFile, StandardCharsets.UTF_8)) {
            record.store(writer, null);
        }
    }

    void forget() throws IOException {
        Files.deleteIfExists(recordFile);
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
