package dev.lambdamaven.deploy;

import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import java.util.List;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

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

    /** Creates the function, with every field CreateFunction carries, and waits until it is active. */
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
                .publish(false);
        FunctionFields.ALL.forEach(field -> field.setOnCreate(request, spec));
        var created = retry.call("CreateFunction", () -> lambda.createFunction(request.build()));
        log.info("Created " + spec.functionName() + " (" + code.describe() + ")");
        return settled("the new function " + spec.functionName(), spec, created);
    }

    /**
     * Updates configuration (when a configuration field differs) and code (when the hash or a field sent with the
     * code differs).
     */
    Applied update(FunctionSpec spec, Plan plan, DeployedFunction deployed, String s3Bucket) {
        Applied applied = new Applied(deployed.functionArn(), deployed.revisionId());
        List<FunctionField<?, ?>> configuration = changed(plan, FunctionField.Kind.CONFIGURATION);
        if (!configuration.isEmpty()) {
            UpdateFunctionConfigurationRequest.Builder request = UpdateFunctionConfigurationRequest.builder()
                    .functionName(spec.functionName())
                    .revisionId(deployed.revisionId());
            configuration.forEach(field -> field.setOnUpdate(request, spec));
            var updated = retry.call("UpdateFunctionConfiguration",
                    () -> lambda.updateFunctionConfiguration(request.build()));
            log.info("Updated configuration of " + spec.functionName());
            applied = settled("the configuration update of " + spec.functionName(), spec, updated);
        }
        if (plan.codeChanged() || !changed(plan, FunctionField.Kind.CODE).isEmpty()) {
            CodeLocation code = upload(spec, plan.localCodeSha256(), s3Bucket);
            UpdateFunctionCodeRequest.Builder request = UpdateFunctionCodeRequest.builder()
                    .functionName(spec.functionName())
                    .zipFile(code.zipFile()).s3Bucket(code.s3Bucket()).s3Key(code.s3Key());
            FunctionFields.ALL.stream().filter(f -> f.kind == FunctionField.Kind.CODE)
                    .forEach(field -> field.setOnCode(request, spec));
            var updated = retry.call("UpdateFunctionCode", () -> lambda.updateFunctionCode(request.build()));
            log.info("Updated code of " + spec.functionName() + " (" + code.describe() + ")");
            applied = settled("the code update of " + spec.functionName(), spec, updated);
        }
        return applied;
    }

    /**
     * Applies the function-level changes (tags, reserved concurrency, ...), which no version carries, each with its
     * own calls; on a new function, those CreateFunction did not carry. Some give the function a new RevisionId on
     * AWS (a tag change: recorded in LocalStack's test_lambda_api.snapshot.json, TestLambdaTags::test_tag_lifecycle),
     * so the function is read again for the publish that follows.
     */
    Applied applyFunctionSettings(Applied applied, Plan plan, FunctionSpec spec, DeployedFunction deployed) {
        FunctionCalls calls = new FunctionCalls(lambda, retry, log, spec.functionName(), applied.functionArn());
        boolean revised = false;
        for (FunctionField<?, ?> field : changed(plan, FunctionField.Kind.FUNCTION)) {
            if (plan.create() && field.createdWith()) {
                continue;
            }
            field.applyOwn(calls, spec, plan.create() ? null : deployed);
            revised |= field.revisesFunction;
        }
        if (!revised) {
            return applied;
        }
        return new Applied(applied.functionArn(), retry.call("GetFunctionConfiguration",
                () -> lambda.getFunctionConfiguration(r -> r.functionName(spec.functionName()))).revisionId());
    }

    /** The fields of {@code kind} that {@code plan} changes, in table order. */
    private static List<FunctionField<?, ?>> changed(Plan plan, FunctionField.Kind kind) {
        return FunctionFields.ALL.stream().filter(f -> f.kind == kind && plan.changes(f)).toList();
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
