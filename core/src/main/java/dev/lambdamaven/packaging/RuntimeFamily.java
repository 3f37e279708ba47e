package dev.lambdamaven.packaging;

import java.util.Locale;

/** How a runtime loads code, which decides the package layout and the handler check. */
public enum RuntimeFamily {
    /** {@code java8.al2}, {@code java11}, {@code java17}, {@code java21}, {@code java25}: classes at the root, jars in {@code lib/}. */
    JAVA,
    /** {@code provided}, {@code provided.al2}, {@code provided.al2023}: an executable {@code bootstrap} at the root. */
    CUSTOM,
    /** Python, Node.js, Ruby, .NET: files from a directory, as they are. */
    OTHER;

    public static RuntimeFamily of(String runtime) {
        String r = runtime.toLowerCase(Locale.ROOT);
        if (r.startsWith("java")) {
            return JAVA;
        }
        if (r.startsWith("provided")) {
            return CUSTOM;
        }
        return OTHER;
    }
}
