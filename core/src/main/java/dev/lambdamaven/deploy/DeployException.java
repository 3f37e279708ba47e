package dev.lambdamaven.deploy;

/** A service or I/O failure while deploying: the plugin reports it as an execution error with its cause. */
public class DeployException extends RuntimeException {

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeployException(String message) {
        super(message);
    }
}
