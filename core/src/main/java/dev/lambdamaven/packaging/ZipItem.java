package dev.lambdamaven.packaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of a zip to write: its path inside the zip, where its bytes come from, and its Unix mode.
 *
 * @param name    path inside the zip, with forward slashes, no leading slash; directories end with {@code /}
 * @param source  the file to copy, or {@code null} for a directory entry
 * @param mode    permission bits (e.g. {@code 0644}), without the file type bits
 */
public record ZipItem(String name, Path source, int mode) implements Comparable<ZipItem> {

    public static final int FILE_MODE = 0644;
    public static final int EXECUTABLE_MODE = 0755;
    public static final int DIRECTORY_MODE = 0755;

    public ZipItem {
        Objects.requireNonNull(name, "name");
    }

    public static ZipItem directory(String name) {
        return new ZipItem(name.endsWith("/") ? name : name + "/", null, DIRECTORY_MODE);
    }

    public static ZipItem file(String name, Path source) {
        return new ZipItem(name, source, FILE_MODE);
    }

    public static ZipItem executable(String name, Path source) {
        return new ZipItem(name, source, EXECUTABLE_MODE);
    }

    public boolean isDirectory() {
        return source == null;
    }

    /** Archives inside the zip are stored as they are: compressing them again costs time and saves nothing. */
    public boolean isStored() {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".zip");
    }

    @Override
    public int compareTo(ZipItem other) {
        return name.compareTo(other.name);
    }
}
