package dev.lambdamaven.emulator.runtime;

import java.util.Map;

/**
 * What a Lambda runtime identifier means locally: a Java runtime (run through the runtime interface client on
 * a JDK of at least that version) or a custom runtime (run the package's {@code bootstrap}).
 *
 * @param id                the runtime identifier, e.g. {@code java21}
 * @param javaFeatureVersion the minimum JDK feature version, or 0 for a custom runtime
 */
record RuntimeKind(String id, int javaFeatureVersion) {

    private static final Map<String, Integer> JAVA = Map.of(
            "java8", 8, "java8.al2", 8, "java11", 11, "java17", 17, "java21", 21, "java25", 25);

    static RuntimeKind of(String runtime) {
        if (runtime == null) {
            throw new LocalRuntimeException("The function has no runtime; local invoke needs one of "
                    + "java8.al2, java11, java17, java21, java25, provided, provided.al2, provided.al2023");
        }
        Integer java = JAVA.get(runtime);
        if (java != null) {
            return new RuntimeKind(runtime, java);
        }
        if (runtime.equals("provided") || runtime.startsWith("provided.")) {
            return new RuntimeKind(runtime, 0);
        }
        throw new LocalRuntimeException("Runtime " + runtime + " cannot run locally: local invoke supports the Java"
                + " runtimes (java8.al2, java11, java17, java21, java25) and custom runtimes (provided, provided.al2,"
                + " provided.al2023). Invoke it with lambda.target=aws instead.");
    }

    boolean isJava() {
        return javaFeatureVersion > 0;
    }

    /** The value AWS gives {@code AWS_EXECUTION_ENV}; custom runtimes have none. */
    String executionEnv() {
        return isJava() ? "AWS_Lambda_" + id : null;
    }
}
