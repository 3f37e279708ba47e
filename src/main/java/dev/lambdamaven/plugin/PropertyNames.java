package dev.lambdamaven.plugin;

/**
 * Every user property the plugin reads, in one place. Mojo parameters refer to these constants so that a
 * property name is spelled exactly once.
 */
public final class PropertyNames {

    public static final String PREFIX = "lambda.";

    /** Skips every goal of this plugin. */
    public static final String SKIP = "lambda.skip";

    // package-function / package-layer
    public static final String PACKAGE_FUNCTION_SKIP = "lambda.package-function.skip";
    public static final String PACKAGE_LAYER_SKIP = "lambda.package-layer.skip";
    public static final String HANDLER = "lambda.handler";
    public static final String RUNTIME = "lambda.runtime";
    public static final String CHECK_HANDLER = "lambda.checkHandler";

    // local invoke runtime (dev.lambdamaven.emulator.runtime): JDK for Java functions run locally
    public static final String INVOKE_JAVA_HOME = "lambda.invoke.javaHome";

    // emulator (lambda:emulator and the in-process emulator of target "emulator")
    public static final String EMULATOR_SKIP = "lambda.emulator.skip";
    public static final String EMULATOR_PORT = "lambda.emulator.port";
    public static final String EMULATOR_HOME = "lambda.emulator.home";

    private PropertyNames() {}

    /** The per-goal skip property, {@code lambda.<goal>.skip}. */
    public static String goalSkip(String goal) {
        return PREFIX + goal + ".skip";
    }
}
