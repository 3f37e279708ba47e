package dev.lambdamaven.config;

/**
 * An alias to point at a version. {@code weight} (0 to 1, exclusive) makes it a canary: that share of traffic
 * goes to the new version while the alias's primary version stays the old one. {@code version} names an
 * already published version to promote instead of the one this build published.
 */
public record AliasSpec(String name, Double weight, String version) {

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
        if (version != null && !version.matches("[0-9]+")) {
            throw new InvalidSpecException("version", version, "use a published version number such as 7");
        }
    }

    public boolean canary() {
        return weight != null;
    }
}
