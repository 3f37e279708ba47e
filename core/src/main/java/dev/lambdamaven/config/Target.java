package dev.lambdamaven.config;

import java.net.URI;
import java.util.Locale;

/**
 * Where to deploy: the emulator (default; static dummy credentials) or AWS (the SDK's default credential and
 * region chains). {@code endpoint} overrides the URL for either; with {@link Kind#EMULATOR} it is always set
 * by the time a deployer is built. {@code account}: the 12-digit account the emulator target acts in (the emulator
 * keeps state per account and region, as AWS does); {@code null} for its default account.
 */
public record Target(Kind kind, URI endpoint, String region, String profile, String account) {

    public Target(Kind kind, URI endpoint, String region, String profile) {
        this(kind, endpoint, region, profile, null);
    }

    public Target {
        if (account != null && !account.matches("\\d{12}")) {
            throw new InvalidSpecException("emulatorAccount", account, "an AWS account id has 12 digits, e.g."
                    + " 123456789012");
        }
    }

    public enum Kind { EMULATOR, AWS }

    /** Region used when nothing is configured for the emulator (any value works there). */
    public static final String EMULATOR_REGION = "us-east-1";

    public static Kind parseKind(String text) {
        String value = text == null ? "emulator" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "emulator" -> Kind.EMULATOR;
            case "aws" -> Kind.AWS;
            default -> throw new InvalidSpecException("target", text,
                    "use 'emulator' (the default, local) or 'aws'; set <endpoint> for LocalStack or moto");
        };
    }

    public boolean isAws() {
        return kind == Kind.AWS;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (endpoint == null ? "" : " at " + endpoint);
    }
}
