package dev.lambdamaven.emulator.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The state directory holds code and (encrypted) secrets: it, and everything the emulator writes there, is readable
 * by its owner only (0700 directories, 0600 files), whatever the umask. Where the file system has no POSIX modes
 * (Windows), the user's profile directory protects it.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} (and missing parents) if needed, and makes it owner-only (also when it existed). */
    public static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX && !Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
        return dir;
    }

    /** The attributes that create a file owner-only: pass to {@code Files.createFile} or {@code FileChannel.open}. */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Creates an empty owner-only file if none exists (SQLite then keeps its mode for its own journal files). */
    public static void file(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, fileAttributes());
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another emulator on the directory created it first, the same way
            }
        } else if (POSIX && !Files.getPosixFilePermissions(file).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }
}
