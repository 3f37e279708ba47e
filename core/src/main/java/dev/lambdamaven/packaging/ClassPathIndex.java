package dev.lambdamaven.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds classes by name in a classes directory and a list of jars, reading their headers with ASM.
 * Jars are opened lazily, only when a class is not found in the directory.
 */
final class ClassPathIndex {

    private final Path classesDirectory;
    private final List<Path> jars;
    private final Map<String, Optional<ClassInfo>> cache = new HashMap<>();
    private Map<String, Path> jarEntries;

    ClassPathIndex(Path classesDirectory, List<Path> jars) {
        this.classesDirectory = classesDirectory;
        this.jars = jars;
    }

    /** @param internalName e.g. {@code com/acme/Handler} */
    Optional<ClassInfo> find(String internalName) {
        if (internalName.startsWith("java/")) {
            // JDK classes are never in a package and none is a handler; looking for java/lang/Object, the end of
            // every superclass chain, would open and list every jar
            return Optional.empty();
        }
        return cache.computeIfAbsent(internalName, this::load);
    }

    /** Every class of the classes directory (not of the jars): where candidate handlers are looked for. */
    List<ClassInfo> directoryClasses() {
        List<ClassInfo> result = new ArrayList<>();
        if (classesDirectory == null || !Files.isDirectory(classesDirectory)) {
            return result;
        }
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            files.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f)).sorted().forEach(f -> {
                String relative = classesDirectory.relativize(f).toString().replace('\\', '/');
                find(relative.substring(0, relative.length() - ".class".length())).ifPresent(result::add);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private Optional<ClassInfo> load(String internalName) {
        try {
            if (classesDirectory != null) {
                Path file = classesDirectory.resolve(internalName + ".class");
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        return Optional.of(read(in));
                    }
                }
            }
            Path jar = jarEntries().get(internalName + ".class");
            if (jar != null) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    ZipEntry entry = zip.getEntry(internalName + ".class");
                    try (InputStream in = zip.getInputStream(entry)) {
                        return Optional.of(read(in));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read class " + internalName, e);
        }
    }

    private Map<String, Path> jarEntries() throws IOException {
        if (jarEntries == null) {
            jarEntries = new HashMap<>();
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                            .forEach(n -> jarEntries.putIfAbsent(n, jar));
                }
            }
        }
        return jarEntries;
    }

    private static ClassInfo read(InputStream in) throws IOException {
        ClassReader reader = new ClassReader(in);
        Set<String> methods = new HashSet<>();
        ClassVisitor visitor = new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if ((access & Opcodes.ACC_PUBLIC) != 0 && !name.startsWith("<")) {
                    methods.add(name);
                }
                return null;
            }
        };
        reader.accept(visitor, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        boolean concrete = (reader.getAccess() & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0;
        return new ClassInfo(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()),
                Set.copyOf(methods), concrete);
    }
}
