package dev.lambdamaven.deploy;

import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.VpcSpec;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Reads a function's {@code $LATEST} configuration and tags in one GetFunction call. */
final class FunctionReader {

    private final LambdaClient lambda;

    FunctionReader(LambdaClient lambda) {
        this.lambda = lambda;
    }

    Optional<DeployedFunction> read(String functionName) {
        try {
            return Optional.of(toDeployed(lambda.getFunction(r -> r.functionName(functionName))));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    static DeployedFunction toDeployed(GetFunctionResponse response) {
        FunctionConfiguration c = response.configuration();
        VpcSpec vpc = c.vpcConfig() == null ? VpcSpec.NONE
                : new VpcSpec(c.vpcConfig().subnetIds(), c.vpcConfig().securityGroupIds(),
                        Boolean.TRUE.equals(c.vpcConfig().ipv6AllowedForDualStack()));
        return new DeployedFunction(
                c.functionArn(),
                c.revisionId(),
                c.codeSha256(),
                c.handler(),
                c.runtimeAsString(),
                c.role(),
                c.description(),
                c.memorySize(),
                c.timeout(),
                c.ephemeralStorage() == null ? null : c.ephemeralStorage().size(),
                c.hasArchitectures() && !c.architecturesAsStrings().isEmpty() ? c.architecturesAsStrings().get(0)
                        : "x86_64",
                c.environment() == null || !c.environment().hasVariables() ? null : c.environment().variables(),
                c.kmsKeyArn(),
                c.hasLayers() ? c.layers().stream().map(Layer::arn).toList() : null,
                vpc,
                response.hasTags() ? response.tags() : null,
                c.tracingConfig() == null ? null : c.tracingConfig().modeAsString(),
                response.concurrency() == null ? null : response.concurrency().reservedConcurrentExecutions(),
                c.loggingConfig() == null ? null : new LoggingSpec(c.loggingConfig().logFormatAsString(),
                        c.loggingConfig().applicationLogLevelAsString(), c.loggingConfig().systemLogLevelAsString(),
                        c.loggingConfig().logGroup()));
    }
}
