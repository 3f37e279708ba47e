package dev.lambdamaven.config;

import java.util.Objects;

/**
 * A secret string (an environment value that came from settings.xml, the build's environment or a file), and the
 * KMS key it is encrypted with before it is sent, when it must be encrypted in transit. It prints as {@code ****}
 * everywhere: toString, string concatenation, debug output. Only {@link #reveal()} hands the plain value out, for
 * the one request that sends it to the service (or to KMS, to encrypt it).
 */
public final class SecretValue {

    public static final String MASK = "****";

    private final String value;
    private final TransitKey transitKey;

    private SecretValue(String value, TransitKey transitKey) {
        this.value = Objects.requireNonNull(value, "value");
        this.transitKey = transitKey;
    }

    public static SecretValue of(String value) {
        return new SecretValue(value, null);
    }

    /** A value the deployer encrypts with {@code key} before it leaves the build ({@code null}: sent as it is). */
    public static SecretValue of(String value, TransitKey key) {
        return new SecretValue(value, key);
    }

    /** The KMS key to encrypt the value with before it is sent; {@code null} when it is sent as it is. */
    public TransitKey transitKey() {
        return transitKey;
    }

    /** The plain value: call only to build the request that carries it to Lambda. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue that && value.equals(that.value)
                && Objects.equals(transitKey, that.transitKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, transitKey);
    }

    @Override
    public String toString() {
        return MASK;
    }
}
