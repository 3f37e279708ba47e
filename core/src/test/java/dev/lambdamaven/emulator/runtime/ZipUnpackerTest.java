package dev.lambdamaven.emulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipUnpackerTest {

    @TempDir
    Path dir;

    @Test
    void refusesAnEntryThatClimbsOutOfItsDirectory() throws IOException {
        Path zip = zipWith("../escaped.txt");

        assertThatThrownBy(() -> ZipUnpacker.unpack(zip, dir.resolve("task")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("../escaped.txt")
                .hasMessageContaining("outside");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void refusesAnAbsoluteEntry() throws IOException {
        Path zip = zipWith("/tmp/absolute-" + System.nanoTime());

        assertThatThrownBy(() -> ZipUnpacker.unpack(zip, dir.resolve("task"))).isInstanceOf(IOException.class);
    }

    @Test
    void stopsWhenTheUnzippedSizeExceedsTheBudget() throws IOException {
        Path zip = dir.resolve("big.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("zeros.bin"));
            out.write(new byte[100_000]); // compresses to almost nothing
            out.closeEntry();
        }

        assertThatThrownBy(() -> ZipUnpacker.unpack(zip, dir.resolve("task"), new ZipUnpacker.Budget(50_000)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exceed");
        ZipUnpacker.unpack(zip, dir.resolve("task2"), new ZipUnpacker.Budget(200_000));
        assertThat(dir.resolve("task2/zeros.bin")).hasSize(100_000);
    }

    @Test
    void unpacksNestedFilesAndMakesBootstrapExecutable() throws IOException {
        Path zip = zipWith("bootstrap", "lib/a.jar", "com/acme/Handler.class");

        ZipUnpacker.unpack(zip, dir.resolve("task"));

        assertThat(dir.resolve("task/lib/a.jar")).hasContent("lib/a.jar");
        assertThat(dir.resolve("task/com/acme/Handler.class")).exists();
        assertThat(Files.getPosixFilePermissions(dir.resolve("task/bootstrap")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(dir.resolve("task/lib/a.jar")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void keepsTheExecutableBitRecordedInTheZip() throws IOException {
        Path zip = dir.resolve("modes.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (String name : new String[] {"bin/tool", "data.txt"}) {
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                entry.setUnixMode(name.startsWith("bin/") ? 0100755 : 0100644);
                out.putArchiveEntry(entry);
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }

        ZipUnpacker.unpack(zip, dir.resolve("opt"));

        assertThat(Files.isExecutable(dir.resolve("opt/bin/tool"))).isTrue();
        assertThat(Files.getPosixFilePermissions(dir.resolve("opt/data.txt")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    }

    private Path zipWith(String... names) throws IOException {
        Path zip = dir.resolve("test-" + System.nanoTime() + ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
