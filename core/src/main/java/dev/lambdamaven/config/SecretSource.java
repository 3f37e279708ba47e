package dev.lambdamaven.config;

import java.util.Locale;

/**
 * Where a secret environment value comes from, written {@code <kind>:<location>} in the pom:
 * {@code settings:<server id>} (the server's password, decrypted the Maven way), {@code env:<VARIABLE>}
 * (an environment variable of the build) or {@code file:<path>} (the file's content, trailing newline
 * removed).
 */
public record SecretSource(Kind kind, String location) {

    public enum Kind { SETTINGS, ENV, FILE }

    public SecretSource {
        if (kind == null || location == null || location.isBlank()) {
            throw new IllegalArgumentException("a secret source needs a kind and a location");
        }
    }

    /**
     * Parses {@code settings:id}, {@code env:NAME} or {@code file:path}.
     *
     * @throws InvalidSpecException naming the accepted forms when the text is none of them
     */
    public static SecretSource parse(String element, String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon > 0 && colon < text.length() - 1) {
            String kind = text.substring(0, colon).toUpperCase(Locale.ROOT);
            for (Kind k : Kind.values()) {
                if (k.name().equals(kind)) {
                    return new SecretSource(k, text.substring(colon + 1));
                }
            }
        }
        throw new InvalidSpecException(element, text,
                "use settings:<server id in settings.xml>, env:<ENVIRONMENT_VARIABLE> or file:<path>");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + location;
    }
}
