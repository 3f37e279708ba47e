package dev.lambdamaven.emulator.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

/**
 * Loads SQLite's native library from a copy kept in the state directory. Left alone, sqlite-jdbc extracts the
 * library from its jar into {@code java.io.tmpdir} under a fresh name in every JVM and reads it back to check
 * it: about 0.15 s of the emulator's cold start. The copy is made once per driver version and platform, and
 * checked against the jar entry's size and CRC before each load (a damaged library would crash the JVM).
 *
 * <p>The driver reads the library's location from system properties; they are set only while it loads, and
 * left alone when the user set them. If the copy cannot be made or loaded (another class loader in this JVM
 * loaded the same file first, say) the driver falls back to its own extraction.
 */
final class SqliteLibrary {

    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static boolean loaded;

    private SqliteLibrary() {}

    static synchronized void load(Path stateDir) {
        if (loaded || System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return;
        }
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            URL resource = SQLiteJDBCLoader.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/"
                    + name);
            URLConnection connection = resource == null ? null : resource.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return; // not in a jar: nothing to check a copy against
            }
            JarEntry entry = jar.getJarEntry();
            Path dir = stateDir.resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
                    .resolve(OSInfo.getNativeLibFolderPathForCurrentOS());
            Path copy = dir.resolve(name);
            if (!sameContent(copy, entry)) {
                try (InputStream in = resource.openStream()) {
                    AtomicFile.write(Files.createDirectories(dir).resolve(name), in);
                }
                if (!sameContent(copy, entry)) {
                    return;
                }
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
            System.setProperty(NAME_PROPERTY, name);
            try {
                SQLiteJDBCLoader.initialize();
            } finally {
                System.clearProperty(PATH_PROPERTY);
                System.clearProperty(NAME_PROPERTY);
            }
            loaded = true;
        } catch (Exception e) {
            // not fatal: the driver extracts the library itself on the first connection and reports its own errors
        }
    }

    private static boolean sameContent(Path file, JarEntry entry) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != entry.getSize() || entry.getCrc() < 0) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue() == entry.getCrc();
    }
}
