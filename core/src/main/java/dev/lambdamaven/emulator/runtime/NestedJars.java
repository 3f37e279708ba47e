package dev.lambdamaven.emulator.runtime;

import dev.lambdamaven.emulator.store.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;

/** Copies a jar stored inside the running jar to a file, named after its size and CRC so a copy is made once. */
final class NestedJars {

    private NestedJars() {}

    static Path copyOut(ClassLoader loader, String resource, Path directory) {
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new LocalRuntimeException("The emulator jar is incomplete: " + resource + " is missing. Download"
                    + " lambda-maven-plugin-<version>-emulator.jar again.");
        }
        try {
            JarEntry entry = ((JarURLConnection) url.openConnection()).getJarEntry();
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            Path target = directory.resolve(entry.getSize() + "-" + Long.toHexString(entry.getCrc()) + "-" + name);
            if (!Files.isRegularFile(target) || Files.size(target) != entry.getSize()) {
                Files.createDirectories(directory);
                try (InputStream in = url.openStream()) {
                    AtomicFile.write(target, in);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " out of the emulator jar into " + directory, e);
        }
    }
}
