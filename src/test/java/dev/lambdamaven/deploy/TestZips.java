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
}
