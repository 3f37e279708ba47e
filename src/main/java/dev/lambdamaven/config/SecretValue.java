package dev.lambdamaven.config;

import java.util.Objects;

/**
 * A secret string (an environment value that came from settings.xml, the build's environment or a file).
 * It prints as {@code ****} everywhere: toString, string concatenation, debug output. Only {@link #reveal()}
 * hands the plain value out, for the one request that sends it to the service.
 */
public final class SecretValue {

    public static final String MASK = "****";

    private final String value;

    private SecretValue(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static SecretValue of(String value) {
        return new SecretValue(value);
    }

    /** The plain value: call only to build the request that carries it to Lambda. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
