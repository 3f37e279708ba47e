package dev.lambdamaven.config;

/**
 * A configuration mistake found before anything was sent: names the pom element, the offending value
 * (never a secret one) and the fix. The plugin turns it into a MojoFailureException.
 */
public class InvalidSpecException extends RuntimeException {

    private final String element;

    public InvalidSpecException(String element, Object value, String fix) {
        super("<" + element + ">" + (value == null ? "" : " = '" + value + "'") + ": " + fix);
        this.element = element;
    }

    /** The pom element at fault, such as {@code environment} or {@code vpc/subnetIds}. */
    public String element() {
        return element;
    }
}
