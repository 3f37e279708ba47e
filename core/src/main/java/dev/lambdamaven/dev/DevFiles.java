package dev.lambdamaven.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File chores of a rebuild: emptying the staging directory, copying resource trees into it. */
public final class DevFiles {

    private DevFiles() {}

    public static void empty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(dir);
    }

    /**
     * For every file under the roots, copies its counterpart under {@code built} (the same relative path), if
     * there is one, into {@code target}: what Maven made of filtered resources.
     */
    public static void copyCounterparts(List<Path> roots, Path built, Path target) throws IOException {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    Path counterpart = built.resolve(root.relativize(file).toString());
                    if (Files.isRegularFile(counterpart)) {
                        copy(counterpart, target.resolve(root.relativize(file).toString()));
                    }
                }
            }
        }
    }

    /** Copies every file under each root into {@code target}, at the same relative path. */
    public static void copyTrees(List<Path> roots, Path target) throws IOException {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    copy(file, target.resolve(root.relativize(file).toString()));
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
