package dev.lambdamaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same entries in, same bytes out, whatever the input order, file times, time zone or machine. */
class ReproducibleZipWriterTest {

    private static final Instant TIMESTAMP = Instant.parse("2026-01-01T10:20:30Z");

    @TempDir
    Path temp;

    @Test
    void shuffledInputsAndDifferentFileTimesGiveIdenticalBytes() throws Exception {
        Path first = inputTree(temp.resolve("one"), FileTime.fromMillis(0));
        Path second = inputTree(temp.resolve("two"), FileTime.from(Instant.parse("2030-05-05T05:05:05Z")));

        Path zip1 = zip(first, 1L, temp.resolve("a.zip"));
        Path zip2 = zip(second, 2L, temp.resolve("b.zip"));

        assertThat(Files.readAllBytes(zip1)).isEqualTo(Files.readAllBytes(zip2));
    }

    @Test
    void theZipIsWrittenWithTheModeOfAnyNewFileNotOwnerOnly() throws Exception {
        Path zip = zip(inputTree(temp.resolve("in"), FileTime.fromMillis(0)), 4L, temp.resolve("out/mode.zip"));
        Path sibling = Files.writeString(temp.resolve("out/written-by-maven.txt"), "x"); // mode from the umask

        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(Files.getPosixFilePermissions(sibling));
        try (Stream<Path> files = Files.list(zip.getParent())) {
            assertThat(files).as("no temp file left").hasSize(2);
        }
    }

    @Test
    void timeZoneDoesNotChangeTheBytes() throws Exception {
        Path input = inputTree(temp.resolve("in"), FileTime.fromMillis(0));
        TimeZone original = TimeZone.getDefault();
        byte[] tokyo;
        byte[] honolulu;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            tokyo = Files.readAllBytes(zip(input, 3L, temp.resolve("tokyo.zip")));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Honolulu"));
            honolulu = Files.readAllBytes(zip(input, 3L, temp.resolve("honolulu.zip")));
        } finally {
            TimeZone.setDefault(original);
        }
        assertThat(tokyo).isEqualTo(honolulu);
    }

    @Test
    void entriesCarryTheTimestampModesAndMethods() throws Exception {
        Path input = inputTree(temp.resolve("in"), FileTime.fromMillis(0));
        Path zip = zip(input, 4L, temp.resolve("out.zip"));

        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(file.getEntries());
            assertThat(entries).extracting(ZipArchiveEntry::getName)
                    .containsExactly("bootstrap", "com/", "com/acme/", "com/acme/A.class", "lib/", "lib/dep.jar");
            for (ZipArchiveEntry entry : entries) {
                assertThat(entry.getLastModifiedDate().toInstant().atZone(java.time.ZoneId.systemDefault())
                        .toLocalDateTime()).isEqualTo("2026-01-01T10:20:30");
                assertThat(entry.getExtraFields()).isEmpty();
            }
            assertThat(mode(file, "com/")).isEqualTo(040755);
            assertThat(mode(file, "com/acme/A.class")).isEqualTo(0100644);
            assertThat(mode(file, "bootstrap")).isEqualTo(0100755);
            assertThat(file.getEntry("lib/dep.jar").getMethod()).isEqualTo(ZipArchiveEntry.STORED);
            assertThat(file.getEntry("com/acme/A.class").getMethod()).isEqualTo(ZipArchiveEntry.DEFLATED);
        }
    }

    @Test
    void reportsSizeEntryCountAndLambdaStyleSha256() throws Exception {
        Path input = inputTree(temp.resolve("in"), FileTime.fromMillis(0));
        Path zip = temp.resolve("out.zip");

        PackageResult result = new ReproducibleZipWriter(TIMESTAMP).write(items(input, 5L), zip);

        byte[] bytes = Files.readAllBytes(zip);
        assertThat(result.size()).isEqualTo(bytes.length);
        assertThat(result.entryCount()).isEqualTo(6);
        assertThat(result.codeSha256()).isEqualTo(
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void failureLeavesTheOldZipAndNoTemporaryFile() throws Exception {
        Path zip = temp.resolve("out.zip");
        Files.writeString(zip, "previous");
        List<ZipItem> broken = List.of(ZipItem.file("a.txt", temp.resolve("missing.txt")));

        assertThatThrownBy(() -> new ReproducibleZipWriter(TIMESTAMP).write(broken, zip)).isInstanceOf(IOException.class);

        assertThat(Files.readString(zip)).isEqualTo("previous");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.zip");
        }
    }

    @Test
    void timestampsOutsideTheZipRangeAreClamped() {
        long before = ReproducibleZipWriter.localMillisShowingUtc(Instant.parse("1970-01-01T00:00:01Z"));
        long epoch = ReproducibleZipWriter.localMillisShowingUtc(Instant.parse("1980-01-01T00:00:00Z"));
        assertThat(before).isEqualTo(epoch);
        long odd = ReproducibleZipWriter.localMillisShowingUtc(Instant.parse("2026-01-01T00:00:01Z"));
        long even = ReproducibleZipWriter.localMillisShowingUtc(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(odd).isEqualTo(even);
    }

    private Path zip(Path input, long seed, Path target) throws Exception {
        new ReproducibleZipWriter(TIMESTAMP).write(items(input, seed), target);
        return target;
    }

    /** The items of the tree, shuffled, then sorted by ZipContents as the packagers do. */
    private static List<ZipItem> items(Path input, long seed) throws Exception {
        List<ZipItem> items = new ArrayList<>(List.of(
                ZipItem.file("com/acme/A.class", input.resolve("A.class")),
                ZipItem.file("lib/dep.jar", input.resolve("dep.jar")),
                ZipItem.executable("bootstrap", input.resolve("bootstrap"))));
        Collections.shuffle(items, new Random(seed));
        ZipContents contents = new ZipContents();
        for (ZipItem item : items) {
            contents.add(item, item.source().toString());
        }
        return contents.sorted();
    }

    private static Path inputTree(Path dir, FileTime time) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3, 3, 3, 3, 3, 3, 3});
        Files.write(dir.resolve("dep.jar"), new byte[] {'P', 'K', 3, 4, 9, 9, 9});
        Files.writeString(dir.resolve("bootstrap"), "#!/bin/sh\necho hi\n");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, time);
            }
        }
        return dir;
    }

    private static int mode(ZipFile file, String name) {
        return file.getEntry(name).getUnixMode();
    }
}
