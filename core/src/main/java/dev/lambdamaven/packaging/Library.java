package dev.lambdamaven.packaging;

import java.nio.file.Path;

/**
 * A dependency jar.
 *
 * @param groupId     its Maven groupId
 * @param artifactId  its Maven artifactId
 * @param file        the jar
 */
public record Library(String groupId, String artifactId, Path file) {

    /** {@code groupId:artifactId}, the form exclusions are written in. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    public String fileName() {
        return file.getFileName().toString();
    }
}
