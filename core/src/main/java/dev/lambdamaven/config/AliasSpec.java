package dev.lambdamaven.config;

import java.nio.charset.StandardCharsets;

/**
 * How to point an alias at a version. {@code weight} (0 to 1, exclusive) makes it a canary: that share of
 * traffic goes to the new version while the alias's primary version stays the old one. {@code shift} moves the
 * traffic in steps instead, invoking the new version with {@code smokePayload} (when set) before each step.
 */
public record AliasSpec(String name, Double weight, TrafficShift shift, byte[] smokePayload) {

    public static final String DEFAULT_NAME = "live";

    public AliasSpec {
        name = name == null || name.isBlank() ? DEFAULT_NAME : name;
        if (!name.matches("(?!^[0-9]+$)([a-zA-Z0-9-_]+)") || name.length() > 128) {
            throw new InvalidSpecException("alias", name, "use letters, digits, - or _, not only digits");
        }
        if (weight != null && (weight.isNaN() || weight <= 0 || weight >= 1)) {
            throw new InvalidSpecException("aliasWeight", weight,
                    "use a share between 0 and 1 exclusive, such as 0.1; leave it unset to shift all traffic");
        }
        if (weight != null && shift != null) {
            throw new InvalidSpecException("trafficShift", shift, "set either <aliasWeight> (a canary that stays"
                    + " until lambda:promote) or <trafficShift> (a schedule that ends with all traffic), not both");
        }
        if (smokePayload != null && shift == null) {
            throw new InvalidSpecException("smokePayload", new String(smokePayload, StandardCharsets.UTF_8),
                    "a smoke invocation runs before each step of a <trafficShift>: set one, or leave the payload out");
        }
    }

    /** A published version number, as {@code element} names it; {@code null} stays {@code null}. */
    public static String version(String element, String version) {
        if (version != null && !version.matches("[0-9]+")) {
            throw new InvalidSpecException(element, version, "use a published version number such as 7");
        }
        return version;
    }

    public static AliasSpec named(String name) {
        return new AliasSpec(name, null, null, null);
    }

    public boolean canary() {
        return weight != null;
    }
}
