package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.store.VersionRow;

/** UpdateFunctionCode and UpdateFunctionConfiguration: each starts an update (InProgress, then Successful). */
final class FunctionUpdateHandler {

    private final LambdaContext ctx;
    private final FunctionLookup lookup;
    private final FunctionSettings settings;
    private final FunctionWrites writes;
    private final CodeIntake intake;
    private final ConfigurationView view;

    FunctionUpdateHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.lookup = new FunctionLookup(ctx);
        this.settings = new FunctionSettings(ctx);
        this.writes = new FunctionWrites(ctx);
        this.intake = new CodeIntake(ctx);
        this.view = new ConfigurationView(ctx);
    }

    ApiResponse updateCode(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.UPDATE_FUNCTION_CODE, ctx.blobs());
        try {
            Violations v = new Violations()
                    .string("s3Bucket", FunctionSettings.text(body, "S3Bucket"), Validation.S3_BUCKET)
                    .string("s3Key", FunctionSettings.text(body, "S3Key"), Validation.S3_KEY)
                    .string("s3ObjectVersion", FunctionSettings.text(body, "S3ObjectVersion"), Validation.S3_KEY)
                    .string("sourceKMSKeyArn", FunctionSettings.text(body, "SourceKMSKeyArn"), Validation.KMS_KEY_ARN);
            Validation.architectures(v, "architectures", body.get("Architectures"), 1);
            FunctionRef ref = lookup.unqualified(request, v);
            VersionRow row = storeCode(ref, body);
            // a DryRun writes nothing: the function as it is now
            return ApiResponse.json(200, body.path("DryRun").asBoolean(false) ? view.render(row, ctx.now())
                    : view.renderWritten(row));
        } finally {
            // the replaced code may be referenced by nothing now; after a failure or a DryRun, the new one
            ctx.collector().request();
        }
    }

    private VersionRow storeCode(FunctionRef ref, ObjectNode body) {
        CodeIntake.Code code = intake.fromRequest(body, ref.scope());
        if (code == null) {
            throw ApiException.invalidParameter(
                    "Please provide a source for function code.");
        }
        return ctx.db().write(c -> {
            long now = ctx.now();
            VersionRow latest = lookup.latestForChange(c, ref, body.path("RevisionId").asText(null), now);
            ObjectNode config = latest.config().deepCopy();
            FunctionWrites.applyCode(config, code);
            if (body.hasNonNull("Architectures")) {
                config.set("Architectures", body.get("Architectures").deepCopy());
            }
            FunctionWrites.checkCombinedSize(config, true);
            if (body.path("DryRun").asBoolean(false)) {
                return latest;
            }
            VersionRow updated = writes.latestRow(ref, config, latest.env(), "update",
                    writes.currentPlacement(ref.scope(), config), now);
            ctx.blobs().requirePresent(code.shaHex());
            ctx.functions().put(c, updated);
            return body.path("Publish").asBoolean(false) ? writes.publish(c, updated, null) : updated;
        });
    }

    ApiResponse updateConfiguration(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.UPDATE_FUNCTION_CONFIGURATION);
        Violations v = new Violations();
        FunctionSettings.check(v, body);
        FunctionRef ref = lookup.unqualified(request, v);
        VersionRow result = ctx.db().write(c -> {
            long now = ctx.now();
            VersionRow latest = lookup.latestForChange(c, ref, body.path("RevisionId").asText(null), now);
            ObjectNode config = latest.config().deepCopy();
            FunctionSettings.Outcome outcome = settings.apply(c, ref.scope(), body, config);
            FunctionWrites.checkCombinedSize(config, false);
            byte[] env = outcome.environment == null ? latest.env()
                    : EnvironmentCodec.seal(ctx.secrets(), outcome.environment);
            VersionRow updated = writes.latestRow(ref, config, env, "update",
                    outcome.placement != null ? outcome.placement : writes.currentPlacement(ref.scope(), config), now);
            ctx.functions().put(c, updated);
            return updated;
        });
        return ApiResponse.json(200, view.renderWritten(result));
    }
}
