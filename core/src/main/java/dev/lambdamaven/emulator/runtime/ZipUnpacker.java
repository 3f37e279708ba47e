package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.io.InputStream;
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

    /** AWS's limit for a function's code and layers together, unzipped. */
    static final long MAX_UNZIPPED_BYTES = 262_144_000L;

    /** What is left of the unzipped-size limit while one environment's code and layers are unpacked. */
    static final class Budget {
        private long remaining;

        Budget(long bytes) {
            this.remaining = bytes;
        }

        static Budget awsLimit() {
            return new Budget(MAX_UNZIPPED_BYTES);
        }
    }

    /** Takes every byte read from its budget; fails once the budget is spent. */
    private static final class BudgetedStream extends java.io.FilterInputStream {
        private final Budget budget;
        private final Path zipFile;

        BudgetedStream(InputStream in, Budget budget, Path zipFile) {
            super(in);
            this.budget = budget;
            this.zipFile = zipFile;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            take(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            take(Math.max(n, 0));
            return n;
        }

        private void take(int bytes) throws IOException {
            budget.remaining -= bytes;
            if (budget.remaining < 0) {
                throw new IOException("Unzipped code and layers exceed " + MAX_UNZIPPED_BYTES
                        + " bytes (AWS's limit) while unpacking " + zipFile);
            }
        }
    }

    static void unpack(Path zipFile, Path target) throws IOException {
        unpack(zipFile, target, Budget.awsLimit());
    }

    static void unpack(Path zipFile, Path target, Budget budget) throws IOException {
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
                // the sizes a zip declares can lie: count what is really written
                try (InputStream in = new BudgetedStream(zip.getInputStream(entry), budget, zipFile)) {
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
        // the Path overload opens a private file system: concurrent unpacks of one zip do not collide
        try (FileSystem zipFs = FileSystems.newFileSystem(zipFile,
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
