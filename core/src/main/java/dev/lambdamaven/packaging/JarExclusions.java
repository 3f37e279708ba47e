package dev.lambdamaven.packaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which jars stay out of a function zip because a layer provides them: patterns {@code groupId:artifactId}
 * where either part may use {@code *}.
 */
public final class JarExclusions {

    private final List<Pattern> patterns = new ArrayList<>();

    public JarExclusions(Collection<String> coordinates) throws PackagingException {
        for (String coordinate : coordinates) {
            String trimmed = coordinate.trim();
            if (!trimmed.matches("[^:\\s]+:[^:\\s]+")) {
                throw new PackagingException("excludes", "Exclusion '" + coordinate
                        + "' is not of the form groupId:artifactId (either part may be *), e.g. "
                        + "software.amazon.awssdk:*");
            }
            patterns.add(Pattern.compile(Pattern.quote(trimmed).replace("*", "\\E.*\\Q")));
        }
    }

    public boolean excludes(Library library) {
        return patterns.stream().anyMatch(p -> p.matcher(library.key()).matches());
    }

    /**
     * Splits a function's jars into those it packages and those its layers provide: matched by these
     * patterns, or named exactly ({@code groupId:artifactId}) in {@code layerContents}.
     */
    public Split split(List<Library> all, Set<String> layerContents) {
        List<Library> packaged = new ArrayList<>();
        List<Library> provided = new ArrayList<>();
        for (Library library : all) {
            (excludes(library) || layerContents.contains(library.key()) ? provided : packaged).add(library);
        }
        return new Split(packaged, provided);
    }

    /** The jars a function zip carries, and those left to its layers. */
    public record Split(List<Library> packaged, List<Library> provided) {}
}
