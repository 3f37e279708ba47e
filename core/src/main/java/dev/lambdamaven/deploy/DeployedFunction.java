package dev.lambdamaven.deploy;

import java.util.Map;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * What Lambda reports for a function's {@code $LATEST}: its configuration as GetFunction answers it, its tags and
 * reserved concurrency, and the settings that have a read of their own ({@link FunctionField#ownRead}), read only
 * when the plan needs them. Each {@link FunctionField} knows how to read its value from here.
 */
public record DeployedFunction(
        FunctionConfiguration configuration,
        Map<String, String> tags,
        Integer reservedConcurrency,
        Map<String, Object> ownReads) {

    public DeployedFunction {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        ownReads = ownReads == null ? Map.of() : Map.copyOf(ownReads);
    }

    public String functionArn() {
        return configuration.functionArn();
    }

    public String revisionId() {
        return configuration.revisionId();
    }

    public String codeSha256() {
        return configuration.codeSha256();
    }

    public Map<String, String> environment() {
        return configuration.environment() == null || !configuration.environment().hasVariables() ? Map.of()
                : configuration.environment().variables();
    }

    @Override
    public String toString() {
        return "DeployedFunction[" + functionArn() + ", codeSha256=" + codeSha256() + "]"; // environment may hold secrets
    }
}
