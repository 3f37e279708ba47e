package dev.lambdamaven.deploy;

import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;

/**
 * Publishes {@code $LATEST} as a version, guarded by the expected CodeSha256 and RevisionId so that a
 * concurrent change by someone else is never published under this build's name. Lambda returns the latest
 * version unchanged when {@code $LATEST} has not changed since, so an unchanged function publishes nothing.
 */
final class Publisher {

    private final LambdaClient lambda;
    private final Retry retry;
    private final StateWaiter waiter;

    private final DeployLog log;

    Publisher(LambdaClient lambda, Retry retry, StateWaiter waiter, DeployLog log) {
        this.lambda = lambda;
        this.retry = retry;
        this.waiter = waiter;
        this.log = log;
    }

    record Published(String version, String functionArn) {}

    Published publish(String functionName, String codeSha256, String revisionId, String description) {
        PublishVersionResponse response;
        try {
            response = retry.call("PublishVersion", () -> lambda.publishVersion(r -> r.functionName(functionName)
                    .codeSha256(codeSha256).revisionId(revisionId).description(description)));
        } catch (PreconditionFailedException e) {
            throw new DeployRefusedException("Function " + functionName + " changed while this build deployed it"
                    + " (revision or code hash differs): run the deployment again");
        }
        // AWS answers Active for a zip function without SnapStart: this waits only for the others, and for a SnapStart
        // version until its snapshot is in use (SnapStart.OptimizationStatus On)
        StateWaiter.Status status = waiter.settle("version " + response.version() + " of " + functionName,
                functionName, response.version(), response);
        if ("PublishedVersions".equals(status.snapStartApplyOn())) {
            log.info("SnapStart: version " + response.version() + " of " + functionName + " runs from its snapshot"
                    + " (OptimizationStatus " + status.optimizationStatus() + ")");
        }
        return new Published(response.version(), response.functionArn());
    }
}
