package dev.lambdamaven.emulator.runtime;

/**
 * The local machine cannot run a function: no suitable JDK, an unsupported runtime or platform, a broken
 * code package. Not a function error: AWS would have run the code, this emulator cannot. Messages name the
 * setting that fixes the problem.
 */
public class LocalRuntimeException extends RuntimeException {

    public LocalRuntimeException(String message) {
        super(message);
    }

    public LocalRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
