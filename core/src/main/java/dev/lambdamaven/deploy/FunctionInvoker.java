package dev.lambdamaven.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/** Invokes a function, version or alias synchronously, asking for the log tail, as {@code aws lambda invoke} does. */
final class FunctionInvoker {

    private final LambdaClient lambda;

    FunctionInvoker(LambdaClient lambda) {
        this.lambda = lambda;
    }

    InvokeResult invoke(String functionName, String qualifier, byte[] payload) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(functionName)
                .qualifier(qualifier)
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromByteArray(payload)));
        String log = response.logResult() == null ? ""
                : new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        String body = response.payload() == null ? "" : response.payload().asUtf8String();
        return new InvokeResult(response.executedVersion(), response.functionError(), body, log);
    }
}
