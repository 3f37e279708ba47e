package dev.lambdamaven.deploy;

import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Retries a Lambda call that failed because the function is still being updated (409
 * ResourceConflictException) or because of throttling, with exponential backoff.
 */
final class Retry {

    static final int ATTEMPTS = 8;
    private static final long FIRST_DELAY_MILLIS = 500;
    private static final long MAX_DELAY_MILLIS = 10_000;

    private final Sleeper sleeper;
    private final DeployLog log;

    Retry(Sleeper sleeper, DeployLog log) {
        this.sleeper = sleeper;
        this.log = log;
    }

    static Retry standard(DeployLog log) {
        return new Retry(Sleeper.REAL, log);
    }

    <T> T call(String what, Supplier<T> call) {
        long delay = FIRST_DELAY_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ResourceConflictException | TooManyRequestsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug(what + ": " + e.getClass().getSimpleName() + ", retrying in " + delay + " ms");
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new DeployException(what + " interrupted", interrupted);
                }
                delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
            }
        }
    }
}
