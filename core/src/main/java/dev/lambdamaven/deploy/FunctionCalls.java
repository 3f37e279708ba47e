package dev.lambdamaven.deploy;

import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** What a function-level setting's own read or apply needs: the client, retries, the log, the function. */
record FunctionCalls(LambdaClient lambda, Retry retry, DeployLog log, String functionName, String functionArn) {

    <T> T call(String operation, Supplier<T> call) {
        return retry.call(operation, call);
    }
}
