package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The native half of the Java runtime interface client. The client ships it for Linux only (glibc and musl,
 * x86_64 and aarch64) and on its own copies it to one fixed file in /tmp on every start, which races when
 * several environments start at once. So it is extracted here once per work directory and handed to each
 * child JVM through the client's own system property.
 */
final class NativeClientLibrary {

    /** The system property the runtime client reads the library path from. */
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    static final String UNSUPPORTED_PLATFORM_HELP = "The official Lambda Java runtime interface client ships its native"
            + " library for Linux (glibc or musl) on x86_64 and aarch64 only, so Java functions cannot run locally on"
            + " %s/%s. Fallback: run the emulator on Linux (a Linux container, WSL2 or a CI runner) and point"
            + " lambda.endpoint at it, or invoke with lambda.target=aws. See docs/invoke.md.";

    private NativeClientLibrary() {}

    /** The library file name inside the client jar for this machine, or an error naming the fallback. */
    static String libraryNameFor(String osName, String osArch, boolean musl) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> null;
        };
        if (!os.startsWith("linux") || arch == null) {
            throw new LocalRuntimeException(String.format(UNSUPPORTED_PLATFORM_HELP, osName, osArch));
        }
        return "libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + arch + ".so";
    }

    /** Extracts the library for this machine into {@code directory} (once) and returns its path. */
    static Path extract(List<Path> clientJars, Path directory) {
        String name = libraryNameFor(System.getProperty("os.name"), System.getProperty("os.arch"), isMusl());
        for (Path jar : clientJars) {
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry("jni/" + name);
                if (entry == null) {
                    continue;
                }
                Path target = directory.resolve(jar.getFileName() + "-" + entry.getSize() + "-" + name);
                if (!Files.isRegularFile(target) || Files.size(target) != entry.getSize()) {
                    Files.createDirectories(directory);
                    Path temp = Files.createTempFile(directory, name, ".part");
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            } catch (IOException e) {
                throw new LocalRuntimeException("Cannot extract the runtime client's native library from " + jar, e);
            }
        }
        throw new LocalRuntimeException("No runtime client jar among " + clientJars + " contains jni/" + name);
    }

    private static boolean isMusl() {
        try (var libs = Files.list(Path.of("/lib"))) {
            return libs.anyMatch(p -> p.getFileName().toString().startsWith("ld-musl-"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
