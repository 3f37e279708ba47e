package dev.lambdamaven.deploy;

import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.VpcSpec;
import java.util.List;
import java.util.Map;

/** What Lambda reports for a function's {@code $LATEST}, in the plugin's own terms (no SDK types). */
public record DeployedFunction(
        String functionArn,
        String revisionId,
        String codeSha256,
        String handler,
        String runtime,
        String role,
        String description,
        Integer memorySize,
        Integer timeout,
        Integer ephemeralStorage,
        String architecture,
        Map<String, String> environment,
        String kmsKeyArn,
        List<String> layers,
        VpcSpec vpc,
        Map<String, String> tags,
        String tracingMode,
        Integer reservedConcurrency,
        LoggingSpec logging) {

    public DeployedFunction {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        layers = layers == null ? List.of() : List.copyOf(layers);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        vpc = vpc == null ? VpcSpec.NONE : vpc;
    }

    @Override
    public String toString() {
        return "DeployedFunction[" + functionArn + ", codeSha256=" + codeSha256 + "]"; // environment may hold secrets
    }
}
