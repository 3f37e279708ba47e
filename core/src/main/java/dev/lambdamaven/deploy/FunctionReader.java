package dev.lambdamaven.deploy;

import dev.lambdamaven.config.FunctionSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Reads a function's {@code $LATEST} configuration and tags in one GetFunction call, and the settings GetFunction
 * does not carry ({@link FunctionField#hasOwnRead()}) only where the plan needs them: set in the pom, or with
 * {@code <authoritative>}. So an unchanged redeploy still costs one read.
 */
final class FunctionReader {

    private final LambdaClient lambda;
    private final Retry retry;
    private final DeployLog log;

    FunctionReader(LambdaClient lambda, Retry retry, DeployLog log) {
        this.lambda = lambda;
        this.retry = retry;
        this.log = log;
    }

    Optional<DeployedFunction> read(FunctionSpec spec) {
        GetFunctionResponse response;
        try {
            response = lambda.getFunction(r -> r.functionName(spec.functionName()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        FunctionCalls calls = new FunctionCalls(lambda, retry, log, spec.functionName(),
                response.configuration().functionArn());
        Map<String, Object> ownReads = new HashMap<>();
        for (FunctionField<?, ?> field : FunctionFields.ALL) {
            if (field.hasOwnRead() && (spec.authoritative() || field.managedBy(spec))) {
                ownReads.put(field.name, field.readOwn(calls));
            }
        }
        return Optional.of(new DeployedFunction(response.configuration(), response.hasTags() ? response.tags() : null,
                response.concurrency() == null ? null : response.concurrency().reservedConcurrentExecutions(), ownReads));
    }
}
