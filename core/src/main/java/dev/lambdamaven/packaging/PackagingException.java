package dev.lambdamaven.packaging;

/**
 * A packaging input the user must fix: a missing file, a wrong handler, a path that escapes the zip. The
 * message names the problem and the fix; {@link #parameter()} names the configuration element involved,
 * when there is one.
 */
public class PackagingException extends Exception {

    private final String parameter;

    public PackagingException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The plugin parameter (XML element) the problem is about, or {@code null}. */
    public String parameter() {
        return parameter;
    }
}
