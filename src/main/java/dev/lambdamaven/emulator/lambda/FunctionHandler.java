package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.AliasRow;
import dev.lambdamaven.emulator.store.VersionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CreateFunction, GetFunction, GetFunctionConfiguration, DeleteFunction and ListFunctions. */
final class FunctionHandler {

    private final LambdaContext ctx;
    private final FunctionLookup lookup;
    private final FunctionSettings settings;
    private final FunctionWrites writes;
    private final CodeIntake intake;
    private final ConfigurationView view;
    private final TagHandler tags;
    private final CodeSigningHandler codeSigning;

    FunctionHandler(LambdaContext ctx, TagHandler tags) {
        this.ctx = ctx;
        this.lookup = new FunctionLookup(ctx);
        this.settings = new FunctionSettings(ctx);
        this.writes = new FunctionWrites(ctx);
        this.intake = new CodeIntake(ctx);
        this.view = new ConfigurationView(ctx);
        this.tags = tags;
        this.codeSigning = new CodeSigningHandler(ctx);
    }

    ApiResponse create(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.CREATE_FUNCTION, ctx.blobs());
        String rawName = body.path("FunctionName").asText(null);
        if (rawName == null) {
            throw Validation.missing("FunctionName");
        }
        FunctionRef ref = FunctionRef.parse(rawName, null, request.scope());
        if (ref.qualifier() != null) {
            throw ApiException.invalidParameter("Unsupported FunctionName: qualified function names cannot be"
                    + " created (" + rawName + ")");
        }
        Validation.functionNameForCreate(ref.name());
        if ("Image".equals(body.path("PackageType").asText("Zip"))) {
            throw ApiException.invalidParameter("PackageType Image is not supported by this emulator; use Zip.");
        }
        Validation.role(body.path("Role").asText(null));
        if (!body.hasNonNull("Runtime")) {
            throw ApiException.invalidParameter("Runtime and Handler are mandatory parameters for functions"
                    + " created with Zip packages.");
        }
        if (!body.hasNonNull("Handler")) {
            throw ApiException.invalidParameter("Runtime and Handler are mandatory parameters for functions"
                    + " created with Zip packages.");
        }
        Map<String, String> newTags = TagHandler.parseTags(body.path("Tags"));
        try {
            return ApiResponse.json(201, view.render(store(ref, body, newTags), ctx.now()));
        } catch (RuntimeException e) {
            ctx.collector().request(); // the zip may be stored already, and now nothing will reference it
            throw e;
        }
    }

    private VersionRow store(FunctionRef ref, ObjectNode body, Map<String, String> newTags) {
        CodeIntake.Code code = intake.fromRequest(body.get("Code"), ref.scope());
        if (code == null) {
            throw ApiException.invalidParameter("Please provide a source for function code.");
        }
        return ctx.db().write(c -> {
            long now = ctx.now();
            if (ctx.functions().exists(c, ref.scope(), ref.name())) {
                throw ApiException.conflict("Function already exist: " + ref.name());
            }
            ObjectNode config = Json.object();
            FunctionSettings.defaults(config);
            FunctionSettings.Outcome outcome = settings.apply(c, ref.scope(), body, config);
            FunctionWrites.applyCode(config, code);
            FunctionWrites.checkCombinedSize(config, true);
            byte[] env = EnvironmentCodec.seal(ctx.secrets(), outcome.environment);
            VersionRow latest = writes.latestRow(ref, config, env, "create", outcome.placement, now);
            ctx.blobs().requirePresent(code.shaHex());
            ctx.functions().insertFunction(c, ref.scope(), ref.name(), now);
            ctx.functions().put(c, latest);
            ctx.tags().put(c, ref.arn(), newTags);
            if (body.hasNonNull("CodeSigningConfigArn")) {
                codeSigning.attach(c, ref, body.get("CodeSigningConfigArn").asText());
            }
            return body.path("Publish").asBoolean(false) ? writes.publish(c, latest, null, now) : latest;
        });
    }

    ApiResponse get(ApiRequest request) {
        FunctionRef ref = lookup.ref(request);
        long now = ctx.now();
        return ctx.db().read(c -> {
            VersionRow row = lookup.resolve(c, ref);
            ObjectNode out = Json.object();
            out.set("Configuration", view.render(row, now));
            out.putObject("Code").put("RepositoryType", "S3")
                    .put("Location", ctx.links().link(row.codeSha(), request));
            Map<String, String> functionTags = ctx.tags().tags(c, ref.arn());
            if (!functionTags.isEmpty()) {
                out.set("Tags", Json.strings(functionTags));
            }
            Integer reserved = ctx.functions().reservedConcurrency(c, ref.scope(), ref.name());
            if (reserved != null) {
                out.putObject("Concurrency").put("ReservedConcurrentExecutions", reserved);
            }
            return ApiResponse.json(200, out);
        });
    }

    ApiResponse getConfiguration(ApiRequest request) {
        FunctionRef ref = lookup.ref(request);
        long now = ctx.now();
        return ctx.db().read(c -> ApiResponse.json(200, view.render(lookup.resolve(c, ref), now)));
    }

    ApiResponse code(ApiRequest request) {
        String sha = request.path("sha");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw ApiException.notFound("No code is stored at this location.");
        }
        ctx.links().check(request, sha);
        Path zip = ctx.blobs().path(sha);
        if (!Files.isRegularFile(zip)) { // collected: its version or layer was deleted a grace period ago
            throw ApiException.notFound("The code at this location was deleted.");
        }
        return ApiResponse.file(zip, "application/zip");
    }

    ApiResponse delete(ApiRequest request) {
        FunctionRef ref = lookup.ref(request);
        ctx.db().write(c -> {
            if (!ctx.functions().exists(c, ref.scope(), ref.name())) {
                throw FunctionLookup.notFound(ref.scope(), ref.name(), null);
            }
            if (ref.qualifier() == null) {
                ctx.tags().removeAll(c, ref.arn());
                ctx.functions().deleteFunction(c, ref.scope(), ref.name());
                return null;
            }
            if (ref.isLatest()) {
                throw ApiException.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
            }
            if (ref.isAlias()) {
                throw ApiException.invalidParameter("Deletion of aliases is not supported.");
            }
            if (ctx.functions().version(c, ref.scope(), ref.name(), ref.qualifier()).isEmpty()) {
                throw FunctionLookup.notFound(ref);
            }
            List<String> users = new ArrayList<>();
            for (AliasRow alias : ctx.aliases().list(c, ref.scope(), ref.name())) {
                if (alias.version().equals(ref.qualifier()) || alias.routing().containsKey(ref.qualifier())) {
                    users.add(alias.name());
                }
            }
            if (!users.isEmpty()) {
                throw ApiException.conflict("Unable to delete version because the following aliases reference it: "
                        + users);
            }
            ctx.functions().deleteVersion(c, ref.scope(), ref.name(), ref.qualifier());
            return null;
        });
        ctx.collector().request();
        return ApiResponse.empty(204);
    }

    ApiResponse list(ApiRequest request) {
        String versions = request.query("FunctionVersion");
        if (versions != null && !versions.equals("ALL")) {
            throw ApiException.validation(versions, "functionVersion", "Member must satisfy enum value set: [ALL]");
        }
        boolean all = versions != null;
        long now = ctx.now();
        List<JsonNode> items = ctx.db().read(c -> {
            List<JsonNode> result = new ArrayList<>();
            for (String name : ctx.functions().names(c, request.scope())) {
                for (VersionRow row : ctx.functions().versions(c, request.scope(), name)) {
                    if (all || row.version().equals(VersionRow.LATEST)) {
                        result.add(view.render(row, now));
                    }
                }
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "Functions", 50, 10_000);
        return ApiResponse.json(200, out);
    }
}
