package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a deployment or layer zip into a directory, refusing entries that would land outside it, and keeps
 * the executable bit of entries that have one (a {@code bootstrap} is always made executable, as a zip built on
 * Windows has no modes).
 */
final class ZipUnpacker {

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private ZipUnpacker() {}

    static void unpack(Path zipFile, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root) || out.equals(root)) {
                    throw new IOException("Zip entry '" + entry.getName() + "' in " + zipFile
                            + " points outside its directory; refusing to unpack it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out);
                }
            }
        }
        restoreExecutableBits(zipFile, root);
    }

    private static void restoreExecutableBits(Path zipFile, Path root) throws IOException {
        if (!root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zipFile.toUri()),
                Map.of("enablePosixFileAttributes", "true", "defaultPermissions", "rw-r--r--"));
             Stream<Path> paths = Files.walk(zipFs.getPath("/"))) {
            for (Path entry : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(entry)
                        && Files.getPosixFilePermissions(entry).contains(PosixFilePermission.OWNER_EXECUTE)) {
                    Path out = root.resolve(entry.toString().substring(1));
                    if (out.normalize().startsWith(root) && Files.isRegularFile(out)) {
                        Files.setPosixFilePermissions(out, EXECUTABLE);
                    }
                }
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no modes readable: only bootstrap below
        }
        Path bootstrap = root.resolve("bootstrap");
        if (Files.isRegularFile(bootstrap)) {
            Files.setPosixFilePermissions(bootstrap, EXECUTABLE);
        }
    }
}
