package dev.lambdamaven.plugin;

/**
 * One {@code <secret>} of {@code <secrets>}: the environment variable {@code <name>} and where its value
 * comes from, {@code <source>}: {@code settings:<server id>}, {@code env:<VARIABLE>} or {@code file:<path>}.
 */
public class Secret {

    private String name;
    private String source;

    public Secret() {}

    Secret(String name, String source) {
        this.name = name;
        this.source = source;
    }

    String name() {
        return name;
    }

    String source() {
        return source;
    }
}
