package dev.lambdamaven.deploy;

/**
 * The deployer declined on purpose and the user has something to do: the plan is not empty under
 * {@code failOnChange}, there is no recorded version to roll back to, a revision changed underneath.
 */
public class DeployRefusedException extends RuntimeException {

    public DeployRefusedException(String message) {
        super(message);
    }
}
