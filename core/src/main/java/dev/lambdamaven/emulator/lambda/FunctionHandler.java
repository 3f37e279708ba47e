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
    private final AnswerCache answers = new AnswerCache();

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
        try {
            FunctionRef ref = createdFunction(request, body);
            Map<String, String> newTags = TagHandler.parseTags(body.path("Tags"));
            Created created = store(ref, body, newTags);
            ObjectNode out = view.renderWritten(created.latest());
            if (created.published() != null) {
                // $LATEST with the number of the version published from it (test_publish_version_on_create)
                out.put("Version", created.published());
            }
            return ApiResponse.json(201, out);
        } catch (RuntimeException e) {
            ctx.collector().request(); // the zip may be stored already, and now nothing will reference it
            throw e;
        }
    }

    /** A new function's $LATEST, and the version {@code Publish} published from it ({@code null}: none). */
    private record Created(VersionRow latest, String published) {}

    /**
     * CreateFunction's front end (every constraint of the request, answered together), then the function it names:
     * a name of at most 64 characters (test_function_arns), unqualified, in the caller's region and account.
     */
    private FunctionRef createdFunction(ApiRequest request, ObjectNode body) {
        String rawName = FunctionSettings.text(body, "FunctionName");
        JsonNode code = body.path("Code");
        Violations v = new Violations().required("functionName", body.get("FunctionName"))
                .string("functionName", rawName, Validation.FUNCTION_NAME)
                .required("role", body.get("Role"))
                .required("code", body.get("Code"))
                .string("code.s3Bucket", FunctionSettings.text(code, "S3Bucket"), Validation.S3_BUCKET)
                .string("code.s3Key", FunctionSettings.text(code, "S3Key"), Validation.S3_KEY)
                .string("code.s3ObjectVersion", FunctionSettings.text(code, "S3ObjectVersion"), Validation.S3_KEY)
                .oneOf("packageType", FunctionSettings.text(body, "PackageType"), Validation.PACKAGE_TYPES)
                .string("codeSigningConfigArn", FunctionSettings.text(body, "CodeSigningConfigArn"),
                        Validation.CODE_SIGNING_CONFIG_ARN);
        FunctionSettings.check(v, body);
        Validation.architectures(v, "architectures", body.get("Architectures"), 1);
        v.check();
        FunctionRef ref = FunctionRef.parse(rawName, null, request.scope());
        if (ref.name().length() > 64) {
            // Lambda's own check, after the front end: InvalidParameterValueException in the validation form
            throw ApiException.invalidParameter(Violations.message(List.of(Violations.failure(rawName,
                    "functionName", "Member must have length less than or equal to 64"))));
        }
        if (ref.qualifier() != null) {
            throw ApiException.invalidParameter("Unsupported FunctionName: qualified function names cannot be"
                    + " created (" + rawName + ")");
        }
        if ("Image".equals(FunctionSettings.text(body, "PackageType"))) {
            throw CodeIntake.imageRefused(FunctionSettings.text(code, "ImageUri"));
        }
        if (!body.hasNonNull("Runtime") || !body.hasNonNull("Handler")) {
            throw ApiException.invalidParameter("Runtime and Handler are mandatory parameters for functions"
                    + " created with Zip packages.");
        }
        return ref;
    }

    private Created store(FunctionRef ref, ObjectNode body, Map<String, String> newTags) {
        CodeIntake.Code code = intake.fromRequest(body.get("Code"), ref.scope());
        if (code == null) {
            throw ApiException.invalidParameter("Please provide a source for function code.");
        }
        return ctx.db().write(c -> {
            long now = ctx.now();
            ObjectNode config = Json.object();
            FunctionSettings.defaults(config);
            FunctionSettings.Outcome outcome = settings.apply(c, ref.scope(), body, config);
            // the settings first: a layer of another region is refused also for a name in use (test_layer_function_exceptions)
            if (ctx.functions().exists(c, ref.scope(), ref.name())) {
                throw ApiException.conflict("Function already exist: " + ref.name());
            }
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
            return new Created(latest,
                    body.path("Publish").asBoolean(false) ? writes.publish(c, latest, null).version() : null);
        });
    }

    ApiResponse get(ApiRequest request) {
        return cached("GetFunction", request, () -> {
            FunctionRef ref = lookup.ref(request);
            long now = ctx.now();
            return ctx.db().read(c -> {
                VersionRow row = lookup.resolve(c, ref);
                ObjectNode out = Json.object();
                out.set("Configuration", view.render(row, now, ref.qualifier()));
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
                boolean settled = ctx.transitions().settled(row, now);
                ctx.transitions().shown(row);
                return new Read(ApiResponse.json(200, out), settled);
            });
        });
    }

    ApiResponse getConfiguration(ApiRequest request) {
        return cached("GetFunctionConfiguration", request, () -> {
            FunctionRef ref = lookup.ref(request);
            long now = ctx.now();
            return ctx.db().read(c -> {
                VersionRow row = lookup.resolve(c, ref);
                ObjectNode out = view.render(row, now, ref.qualifier());
                boolean settled = ctx.transitions().settled(row, now);
                ctx.transitions().shown(row);
                return new Read(ApiResponse.json(200, out), settled);
            });
        });
    }

    /** An answer, and whether it stays the same until the database changes (nothing pending in it). */
    private record Read(ApiResponse response, boolean lasting) {}

    /**
     * The answer of {@code operation} from {@link AnswerCache} when the database has not changed since it was read;
     * else {@code read}'s, kept when it lasts. The key is what the answer depends on: the caller's account and region,
     * the path and qualifier it asked for, and its Host (code links are made on it). A request that fails is never
     * kept, so one that is kept passed every check its key stands for.
     */
    private ApiResponse cached(String operation, ApiRequest request, java.util.function.Supplier<Read> read) {
        String key = operation + ' ' + request.scope().account() + ' ' + request.scope().region() + ' '
                + String.join("/", request.segments()) + '?' + request.query("Qualifier") + ' ' + request.header("Host");
        long changes = ctx.db().changeCount();
        byte[] body = answers.get(key, changes);
        if (body != null) {
            return ApiResponse.bytes(200, body, "application/json");
        }
        Read answer = read.get();
        if (answer.lasting() && answer.response().status() == 200) {
            answers.put(key, changes, answer.response().body());
        }
        return answer.response();
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

    /**
     * DeleteFunction, of the function or of one version (test_ops_with_arn_qualifier_mismatch,
     * test_function_name_and_qualifier_validation, test_delete_on_nonexisting_version): $LATEST and aliases are
     * refused before the function is looked up; a version that does not exist is no error.
     */
    ApiResponse delete(ApiRequest request) {
        FunctionRef ref = lookup.ref(request);
        if (ref.qualifier() != null && ref.qualifier().equals(VersionRow.LATEST)) {
            throw ApiException.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        if (ref.isAlias()) {
            throw ApiException.invalidParameter("Deletion of aliases is not currently supported.");
        }
        ctx.db().write(c -> {
            if (!ctx.functions().exists(c, ref.scope(), ref.name())) {
                throw FunctionLookup.notFound(ref.scope(), ref.name(), null);
            }
            if (ref.qualifier() == null) {
                ctx.tags().removeAll(c, ref.arn());
                ctx.functions().deleteFunction(c, ref.scope(), ref.name());
                return null;
            }
            if (ctx.functions().version(c, ref.scope(), ref.name(), ref.qualifier()).isEmpty()) {
                return null;
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
        // test_list_functions
        new Violations().oneOf("functionVersion", versions, List.of("ALL"))
                .string("masterRegion", request.query("MasterRegion"), Validation.MASTER_REGION).check();
        boolean all = versions != null;
        long now = ctx.now();
        List<JsonNode> items = ctx.db().read(c -> {
            List<JsonNode> result = new ArrayList<>();
            for (String name : ctx.functions().names(c, request.scope())) {
                for (VersionRow row : ctx.functions().versions(c, request.scope(), name)) {
                    if (all) {
                        result.add(view.listed(row, row.version(), now)); // $LATEST with its suffix too
                    } else if (row.version().equals(VersionRow.LATEST)) {
                        result.add(view.listed(row, null, now));
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
