package dev.lambdamaven.deploy;

import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetProvisionedConcurrencyConfigResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigNotFoundException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * An alias's provisioned concurrency, read and waited for after every move of the alias: Lambda keeps the traffic
 * on the version the alias left until the environments of the new one are ready (and a canary version's before it
 * takes its share), so a release is done only once the config is {@code READY} again. An alias without a config
 * costs one call.
 */
final class ProvisionedConcurrencyWait {

    private final LambdaClient lambda;
    private final Retry retry;
    private final StateWaiter waiter;
    private final DeployLog log;

    ProvisionedConcurrencyWait(LambdaClient lambda, Retry retry, StateWaiter waiter, DeployLog log) {
        this.lambda = lambda;
        this.retry = retry;
        this.waiter = waiter;
        this.log = log;
    }

    /**
     * The alias's config; empty when it has none, the alias does not exist yet, or the endpoint serves no
     * provisioned concurrency at all (a 404 without a Lambda error code: moto_server, for one).
     */
    Optional<GetProvisionedConcurrencyConfigResponse> read(String fn, String alias) {
        try {
            return Optional.of(retry.call("GetProvisionedConcurrencyConfig", () -> lambda
                    .getProvisionedConcurrencyConfig(r -> r.functionName(fn).qualifier(alias))));
        } catch (ProvisionedConcurrencyConfigNotFoundException | ResourceNotFoundException e) {
            return Optional.empty();
        } catch (LambdaException e) {
            if (e.statusCode() == 404 && (e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Waits until the alias's provisioned concurrency, if it has some, is {@code READY}; fails when it FAILED. */
    void awaitReady(String fn, String alias) {
        Optional<GetProvisionedConcurrencyConfigResponse> config = read(fn, alias);
        if (config.isEmpty()) {
            return;
        }
        String what = "provisioned concurrency " + config.get().requestedProvisionedConcurrentExecutions() + " of " + fn
                + ":" + alias;
        GetProvisionedConcurrencyConfigResponse ready = waiter.until(what, config.get(),
                r -> !"IN_PROGRESS".equals(r.statusAsString()), () -> read(fn, alias).orElseThrow(() ->
                        new DeployException("The provisioned concurrency of " + fn + ":" + alias + " was removed"
                                + " while this build waited for it")),
                r -> "Status " + r.statusAsString() + ", " + r.availableProvisionedConcurrentExecutions() + " of "
                        + r.requestedProvisionedConcurrentExecutions() + " available");
        if (!"READY".equals(ready.statusAsString())) {
            throw new DeployException("Lambda reports that " + what + " failed: Status " + ready.statusAsString()
                    + (ready.statusReason() == null ? "" : " (" + ready.statusReason() + ")"));
        }
        log.info("Provisioned concurrency of " + fn + ":" + alias + ": " + ready.availableProvisionedConcurrentExecutions()
                + " environments ready");
    }
}
