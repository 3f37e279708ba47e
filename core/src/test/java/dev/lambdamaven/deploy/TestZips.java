package dev.lambdamaven.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small deterministic zips for deployer tests. */
final class TestZips {

    private TestZips() {}

    static Path zip(Path dir, String fileName, String content) throws IOException {
        Path zip = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("com/acme/Handler.class");
            entry.setLastModifiedTime(FileTime.fromMillis(0));
            z.putNextEntry(entry);
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return zip;
    }

    /** A zip of one stored (uncompressed) entry holding {@code content}: about as large as the content. */
    static Path stored(Path zip, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("data.bin");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            entry.setLastModifiedTime(FileTime.fromMillis(0));
            z.putNextEntry(entry);
            z.write(content);
            z.closeEntry();
        }
        return zip;
    }
}
