package dev.lambdamaven.deploy;

import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.VpcConfig;

/**
 * Applies a non-empty {@link Plan}: creates the function, or updates its configuration then its code, each
 * followed by a wait until it settled (when Lambda's answer says it has not), so that whatever is published next
 * carries the wanted configuration.
 * Returns the {@code RevisionId} of {@code $LATEST} after the last change.
 */
final class FunctionApplier {

    private final LambdaClient lambda;
    private final CodeUploader uploader;
    private final Retry retry;
    private final StateWaiter waiter;
    private final DeployLog log;

    FunctionApplier(LambdaClient lambda, CodeUploader uploader, Retry retry, StateWaiter waiter, DeployLog log) {
        this.lambda = lambda;
        this.uploader = uploader;
        this.retry = retry;
        this.waiter = waiter;
        this.log = log;
    }

    /** ARN and RevisionId of {@code $LATEST} once a change settled. */
    record Applied(String functionArn, String revisionId) {}

    /** Creates the function and waits until it is active. */
    Applied create(FunctionSpec spec, String codeSha256, String s3Bucket) {
        if (spec.role() == null) {
            throw new InvalidSpecException("role", null,
                    "creating " + spec.functionName() + " needs an execution role ARN: set <role>");
        }
        CodeLocation code = upload(spec, codeSha256, s3Bucket);
        CreateFunctionRequest.Builder request = CreateFunctionRequest.builder()
                .functionName(spec.functionName())
                .code(FunctionCode.builder().zipFile(code.zipFile()).s3Bucket(code.s3Bucket()).s3Key(code.s3Key())
                        .build())
                .handler(spec.handler())
                .runtime(spec.runtime())
                .role(spec.role())
                .description(spec.description())
                .memorySize(spec.memorySize())
                .timeout(spec.timeout())
                .kmsKeyArn(spec.kmsKeyArn())
                .layers(spec.layers())
                .publish(false);
        if (spec.ephemeralStorage() != null) {
            request.ephemeralStorage(e -> e.size(spec.ephemeralStorage()));
        }
        if (spec.architecture() != null) {
            request.architecturesWithStrings(spec.architecture());
        }
        if (!spec.environment().isEmpty()) {
            request.environment(e -> e.variables(spec.environment().revealAll()));
        }
        if (!spec.tags().isEmpty()) {
            request.tags(spec.tags());
        }
        if (spec.vpc().attached()) {
            request.vpcConfig(vpcConfig(spec));
        }
        if (spec.tracingMode() != null) {
            request.tracingConfig(t -> t.mode(spec.tracingMode()));
        }
        if (spec.logging() != null) {
            request.loggingConfig(loggingConfig(spec));
        }
        var created = retry.call("CreateFunction", () -> lambda.createFunction(request.build()));
        log.info("Created " + spec.functionName() + " (" + code.describe() + ")");
        return settled("the new function " + spec.functionName(), spec, created);
    }

    /** Updates configuration (when a field differs) and code (when the hash or architecture differs). */
    Applied update(FunctionSpec spec, Plan plan, DeployedFunction deployed, String s3Bucket) {
        Applied applied = new Applied(deployed.functionArn(), deployed.revisionId());
        if (!plan.configChanges().isEmpty() && !onlyArchitecture(plan)) {
            UpdateFunctionConfigurationRequest request = configurationUpdate(spec, plan, deployed.revisionId());
            var updated = retry.call("UpdateFunctionConfiguration", () -> lambda.updateFunctionConfiguration(request));
            log.info("Updated configuration of " + spec.functionName());
            applied = settled("the configuration update of " + spec.functionName(), spec, updated);
        }
        if (plan.codeChanged() || plan.architectureChanged()) {
            CodeLocation code = upload(spec, plan.localCodeSha256(), s3Bucket);
            UpdateFunctionCodeRequest.Builder request = UpdateFunctionCodeRequest.builder()
                    .functionName(spec.functionName())
                    .zipFile(code.zipFile()).s3Bucket(code.s3Bucket()).s3Key(code.s3Key());
            if (spec.architecture() != null) {
                request.architecturesWithStrings(spec.architecture());
            }
            var updated = retry.call("UpdateFunctionCode", () -> lambda.updateFunctionCode(request.build()));
            log.info("Updated code of " + spec.functionName() + " (" + code.describe() + ")");
            applied = settled("the code update of " + spec.functionName(), spec, updated);
        }
        return applied;
    }

    /**
     * Applies the function-level changes (tags, reserved concurrency), which no version carries. A tag change gives
     * the function a new RevisionId on AWS (recorded in LocalStack's test_lambda_api.snapshot.json,
     * TestLambdaTags::test_tag_lifecycle), so the function is read again for the publish that follows.
     */
    Applied applyFunctionSettings(Applied applied, Plan plan, FunctionSpec spec) {
        Map<String, String> tags = plan.functionChanges().stream()
                .filter(c -> c.field().startsWith("tags."))
                .map(c -> c.field().substring("tags.".length()))
                .collect(Collectors.toMap(k -> k, k -> spec.tags().get(k)));
        Applied result = applied;
        if (!tags.isEmpty() && !plan.create()) {
            retry.call("TagResource", () -> lambda.tagResource(r -> r.resource(applied.functionArn()).tags(tags)));
            result = new Applied(applied.functionArn(), retry.call("GetFunctionConfiguration",
                    () -> lambda.getFunctionConfiguration(r -> r.functionName(spec.functionName()))).revisionId());
        }
        if (plan.functionChanges().stream().anyMatch(c -> c.field().equals("reservedConcurrency"))) {
            retry.call("PutFunctionConcurrency", () -> lambda.putFunctionConcurrency(r -> r
                    .functionName(spec.functionName()).reservedConcurrentExecutions(spec.reservedConcurrency())));
            log.info("Reserved concurrency of " + spec.functionName() + ": " + spec.reservedConcurrency());
        }
        return result;
    }

    private static boolean onlyArchitecture(Plan plan) {
        return plan.configChanges().size() == 1 && plan.architectureChanged();
    }

    private static UpdateFunctionConfigurationRequest configurationUpdate(FunctionSpec spec, Plan plan,
                                                                          String revisionId) {
        UpdateFunctionConfigurationRequest.Builder request = UpdateFunctionConfigurationRequest.builder()
                .functionName(spec.functionName())
                .revisionId(revisionId);
        for (Change change : plan.configChanges()) {
            String field = change.field();
            switch (field.startsWith("environment.") ? "environment" : field.startsWith("logging.") ? "logging" : field) {
                case "handler" -> request.handler(spec.handler());
                case "runtime" -> request.runtime(spec.runtime());
                case "role" -> request.role(spec.role());
                case "description" -> request.description(spec.description());
                case "memorySize" -> request.memorySize(spec.memorySize());
                case "timeout" -> request.timeout(spec.timeout());
                case "ephemeralStorage" -> request.ephemeralStorage(e -> e.size(spec.ephemeralStorage()));
                case "kmsKeyArn" -> request.kmsKeyArn(spec.kmsKeyArn());
                case "environment" -> request.environment(e -> e.variables(spec.environment().revealAll()));
                case "layers" -> request.layers(spec.layers());
                case "vpc" -> request.vpcConfig(vpcConfig(spec));
                case "tracingMode" -> request.tracingConfig(t -> t.mode(spec.tracingMode()));
                case "logging" -> request.loggingConfig(loggingConfig(spec));
                case "architecture" -> { } // set with the code, see update()
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        }
        return request.build();
    }

    private static LoggingConfig loggingConfig(FunctionSpec spec) {
        return LoggingConfig.builder()
                .logFormat(spec.logging().logFormat())
                .applicationLogLevel(spec.logging().applicationLogLevel())
                .systemLogLevel(spec.logging().systemLogLevel())
                .logGroup(spec.logging().logGroup())
                .build();
    }

    private static VpcConfig vpcConfig(FunctionSpec spec) {
        VpcConfig.Builder vpc = VpcConfig.builder()
                .subnetIds(spec.vpc().subnetIds())
                .securityGroupIds(spec.vpc().securityGroupIds());
        if (spec.vpc().attached()) {
            vpc.ipv6AllowedForDualStack(spec.vpc().ipv6AllowedForDualStack());
        }
        return vpc.build();
    }

    private CodeLocation upload(FunctionSpec spec, String codeSha256, String s3Bucket) {
        return uploader.upload(spec.code(), codeSha256, "lambda-maven-plugin/functions/" + spec.functionName(),
                s3Bucket);
    }

    private Applied settled(String what, FunctionSpec spec, SdkResponse answer) {
        StateWaiter.Status status = waiter.settle(what, spec.functionName(), null, answer);
        return new Applied(status.functionArn(), status.revisionId());
    }
}
