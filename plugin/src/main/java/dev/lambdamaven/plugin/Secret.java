package dev.lambdamaven.plugin;

/**
 * One {@code <secret>} of {@code <secrets>}: the environment variable {@code <name>}, where its value
 * comes from, {@code <source>}: {@code settings:<server id>}, {@code env:<VARIABLE>} or {@code file:<path>}, and
 * optionally {@code <encryptInTransit>}: the KMS key that encrypts it before it leaves the build.
 */
public class Secret {

    private String name;
    private String source;
    private String encryptInTransit;

    public Secret() {}

    Secret(String name, String source) {
        this(name, source, null);
    }

    Secret(String name, String source, String encryptInTransit) {
        this.name = name;
        this.source = source;
        this.encryptInTransit = encryptInTransit;
    }

    String encryptInTransit() {
        return encryptInTransit;
    }

    String name() {
        return name;
    }

    String source() {
        return source;
    }
}
