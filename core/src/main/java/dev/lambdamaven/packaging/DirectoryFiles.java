package dev.lambdamaven.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Adds the files of a directory tree to a zip, under a prefix, keeping the executable bit as 0755. */
final class DirectoryFiles {

    private DirectoryFiles() {}

    static void addTree(ZipContents contents, Path directory, String prefix, String parameter)
            throws IOException, PackagingException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            String relative = directory.relativize(file).toString().replace('\\', '/');
            contents.add(prefix + relative, readable(file, parameter), isExecutable(file)
                    ? ZipItem.EXECUTABLE_MODE : ZipItem.FILE_MODE);
        }
    }

    static Path readable(Path file, String parameter) throws PackagingException {
        if (!Files.isReadable(file)) {
            throw new PackagingException(parameter, "Cannot read " + file
                    + ". Give the build user read permission on it, or exclude it from the package.");
        }
        return file;
    }

    /** On file systems without POSIX permissions every file counts as executable-unknown, so not executable. */
    static boolean isExecutable(Path file) {
        return supportsPosix(file) && Files.isExecutable(file);
    }

    static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
