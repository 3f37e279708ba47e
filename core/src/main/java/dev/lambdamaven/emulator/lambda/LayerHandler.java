package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.LayerVersionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** PublishLayerVersion, GetLayerVersion(ByArn), ListLayers, ListLayerVersions and DeleteLayerVersion. */
final class LayerHandler {

    static final String NOT_FOUND = "The resource you requested does not exist.";

    private final LambdaContext ctx;
    private final CodeIntake intake;

    LayerHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.intake = new CodeIntake(ctx);
    }

    ApiResponse publish(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.PUBLISH_LAYER_VERSION, ctx.blobs());
        try {
            JsonNode content = body.path("Content");
            Violations v = new Violations()
                    .string("description", FunctionSettings.text(body, "Description"), Validation.DESCRIPTION)
                    .required("content", body.get("Content"))
                    .string("content.s3Bucket", FunctionSettings.text(content, "S3Bucket"), Validation.S3_BUCKET)
                    .string("content.s3Key", FunctionSettings.text(content, "S3Key"), Validation.S3_KEY)
                    .string("content.s3ObjectVersion", FunctionSettings.text(content, "S3ObjectVersion"),
                            Validation.S3_KEY);
            Validation.compatibleRuntimes(v, body.get("CompatibleRuntimes"));
            v.string("licenseInfo", FunctionSettings.text(body, "LicenseInfo"), Validation.LICENSE_INFO);
            Validation.architectures(v, "compatibleArchitectures", body.get("CompatibleArchitectures"), 2);
            String name = layerName(request, v);
            return ApiResponse.json(201, render(store(request.scope(), name, body), request, true));
        } catch (RuntimeException e) {
            ctx.collector().request(); // the zip may be stored already, and now nothing will reference it
            throw e;
        }
    }

    private LayerVersionRow store(Scope scope, String name, ObjectNode body) {
        CodeIntake.Code code = intake.fromRequest(body.get("Content"), scope);
        if (code == null) {
            throw ApiException.invalidParameter("Please provide a source for the layer content: ZipFile, or S3Bucket"
                    + " and S3Key.");
        }
        long now = ctx.now();
        return ctx.db().write(c -> {
            long version = ctx.layers().nextVersion(c, scope, name);
            ObjectNode config = Json.object();
            config.putObject("Content").put("CodeSha256", code.sha256Base64()).put("CodeSize", code.size());
            // what was given, as given: an empty list stays an empty list (test_layer_exceptions)
            for (String field : new String[] {"Description", "CompatibleRuntimes", "LicenseInfo",
                    "CompatibleArchitectures"}) {
                if (body.hasNonNull(field)) {
                    config.set(field, body.get(field).deepCopy());
                }
            }
            config.put("CreatedDate", Timestamps.format(now));
            LayerVersionRow created = new LayerVersionRow(scope, name, version, config, code.shaHex(),
                    code.unzippedSize(), null);
            ctx.blobs().requirePresent(code.shaHex());
            ctx.layers().put(c, created);
            return created;
        });
    }

    ApiResponse get(ApiRequest request) {
        String name = layerName(request, new Violations());
        long version = versionNumber(request);
        return ApiResponse.json(200, render(find(request.scope(), name, version), request, true));
    }

    /** {@code GET /2018-10-31/layers}: GetLayerVersionByArn when {@code find=LayerVersion}, else ListLayers. */
    ApiResponse layersRoot(ApiRequest request) {
        if ("LayerVersion".equals(request.query("find"))) {
            String arn = request.query("Arn");
            new Violations().required("arn", arn).string("arn", arn, Validation.LAYER_VERSION_ARN_QUERY).check();
            Matcher m = LayerResolver.LAYER_VERSION_ARN.matcher(arn);
            if (!m.matches()) { // an AWS layer (arn:aws:lambda:::awslayer:...): none here
                throw ApiException.notFound(NOT_FOUND);
            }
            return ApiResponse.json(200, render(shared(request.scope(), m, arn), request, true));
        }
        String runtime = request.query("CompatibleRuntime");
        String architecture = request.query("CompatibleArchitecture");
        filters(new Violations(), runtime, architecture).check();
        List<JsonNode> items = ctx.db().read(c -> {
            List<JsonNode> result = new ArrayList<>();
            for (String name : ctx.layers().names(c, request.scope())) {
                for (LayerVersionRow row : ctx.layers().versions(c, request.scope(), name)) { // newest first
                    if (matches(row, runtime, architecture)) {
                        ObjectNode layer = Json.object();
                        layer.put("LayerName", name);
                        layer.put("LayerArn", Arns.layer(request.scope(), name));
                        layer.set("LatestMatchingVersion", render(row, null, false));
                        result.add(layer);
                        break;
                    }
                }
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "Layers", 50, 50);
        return ApiResponse.json(200, out);
    }

    /** ListLayerVersions: newest first (test_layer_lifecycle); a layer that does not exist has none. */
    ApiResponse listVersions(ApiRequest request) {
        String runtime = request.query("CompatibleRuntime");
        String architecture = request.query("CompatibleArchitecture");
        String name = layerName(request, filters(new Violations(), runtime, architecture));
        List<JsonNode> items = ctx.db().read(c -> {
            List<JsonNode> result = new ArrayList<>();
            for (LayerVersionRow row : ctx.layers().versions(c, request.scope(), name)) {
                if (matches(row, runtime, architecture)) {
                    result.add(render(row, null, false));
                }
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "LayerVersions", 50, 50);
        return ApiResponse.json(200, out);
    }

    /** DeleteLayerVersion; a version that does not exist is no error (test_layer_exceptions). */
    ApiResponse delete(ApiRequest request) {
        String name = layerName(request, new Violations());
        long version = versionNumber(request);
        ctx.db().write(c -> {
            ctx.layers().delete(c, request.scope(), name, version);
            return null;
        });
        ctx.collector().request();
        return ApiResponse.empty(204);
    }

    LayerVersionRow find(Scope scope, String name, long version) {
        return ctx.db().read(c -> ctx.layers().version(c, scope, name, version))
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** A layer version by its ARN: of the caller's account, or of another that shares it with the caller. */
    private LayerVersionRow shared(Scope caller, Matcher arn, String text) {
        Scope owner = new Scope(arn.group(2), arn.group(1));
        if (!owner.region().equals(caller.region())) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return ctx.db().read(c -> {
            LayerVersionRow row = ctx.layers().version(c, owner, arn.group(3), Long.parseLong(arn.group(4)))
                    .orElse(null);
            if (owner.equals(caller)) {
                if (row == null) {
                    throw ApiException.notFound(NOT_FOUND);
                }
            } else if (row == null || !LayerPolicyHandler.grants(ctx.layers().statements(c, owner, row.name(),
                    row.version()), caller.account())) {
                throw LayerPolicyHandler.notShared(caller, text);
            }
            return row;
        });
    }

    private static boolean matches(LayerVersionRow row, String runtime, String architecture) {
        return contains(row.config().path("CompatibleRuntimes"), runtime)
                && contains(row.config().path("CompatibleArchitectures"), architecture);
    }

    private static boolean contains(JsonNode array, String value) {
        if (value == null) {
            return true;
        }
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ListLayers and ListLayerVersions filters: any runtime of the API's enum, listed whole when wrong
     * (test_layer_exceptions).
     */
    private static Violations filters(Violations v, String runtime, String architecture) {
        return v.oneOf("compatibleRuntime", runtime, Validation.ALL_RUNTIMES)
                .oneOf("compatibleArchitecture", architecture, Validation.ARCHITECTURES);
    }

    /** The request's layer name (or layer ARN, whose name it takes), checked with the operation's other members. */
    static String layerName(ApiRequest request, Violations members) {
        String raw = request.path("layer");
        new Violations().string("layerName", raw, Validation.LAYER_NAME).addAll(members).check();
        return raw.startsWith("arn:") ? raw.substring(raw.lastIndexOf(':') + 1) : raw;
    }

    /** The request's layer version number: a number, at least 1 (test_layer_exceptions). */
    static long versionNumber(ApiRequest request) {
        String raw = request.path("version");
        long version;
        try {
            version = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.validation(raw, "versionNumber", "Member must be a number");
        }
        if (version < 1) {
            throw ApiException.invalidParameter("Layer Version Cannot be less than 1");
        }
        return version;
    }

    /**
     * A layer version as AWS renders it; with its {@code Content} (and link) when answering {@code request}.
     * {@code whole}: as PublishLayerVersion and GetLayerVersion answer it, with a description never set as
     * {@code ""} (test_layer_exceptions); a list leaves that out (moto's AWS-verified test_list_lambda_layers).
     */
    ObjectNode render(LayerVersionRow row, ApiRequest request, boolean whole) {
        ObjectNode out = Json.object();
        if (request != null) {
            ObjectNode content = row.config().path("Content").deepCopy();
            content.put("Location", ctx.links().link(row.zipSha(), request));
            out.set("Content", content);
            out.put("LayerArn", Arns.layer(row.scope(), row.name()));
        }
        out.put("LayerVersionArn", Arns.layerVersion(row.scope(), row.name(), row.version()));
        if (whole || row.config().has("Description")) {
            out.put("Description", row.config().path("Description").asText(""));
        }
        out.put("CreatedDate", row.config().path("CreatedDate").asText());
        out.put("Version", row.version());
        for (String field : new String[] {"CompatibleRuntimes", "LicenseInfo", "CompatibleArchitectures"}) {
            if (row.config().has(field)) {
                out.set(field, row.config().get(field));
            }
        }
        return out;
    }
}
