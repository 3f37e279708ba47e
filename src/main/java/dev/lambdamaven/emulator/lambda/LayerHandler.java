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
        String name = layerName(request.path("layer"));
        ObjectNode body = request.json(LambdaShapes.PUBLISH_LAYER_VERSION, ctx.blobs());
        try {
            return ApiResponse.json(201, render(store(request.scope(), name, body), request));
        } catch (RuntimeException e) {
            ctx.collector().request(); // the zip may be stored already, and now nothing will reference it
            throw e;
        }
    }

    private LayerVersionRow store(Scope scope, String name, ObjectNode body) {
        CodeIntake.Code code = intake.fromRequest(body.get("Content"), scope);
        if (code == null) {
            throw Validation.missing("Content");
        }
        ArrayNode runtimes = Json.array();
        for (JsonNode runtime : body.path("CompatibleRuntimes")) {
            Validation.runtime(runtime.asText());
            runtimes.add(runtime.asText());
        }
        if (runtimes.size() > 15) {
            throw ApiException.validation(Json.text(runtimes), "compatibleRuntimes",
                    "Member must have length less than or equal to 15");
        }
        ArrayNode architectures = Json.array();
        for (JsonNode arch : body.path("CompatibleArchitectures")) {
            architectures.add(FunctionSettings.architectures(Json.array().add(arch)).get(0));
        }
        if (architectures.size() > 2) {
            throw ApiException.validation(Json.text(architectures), "compatibleArchitectures",
                    "Member must have length less than or equal to 2");
        }
        long now = ctx.now();
        return ctx.db().write(c -> {
            long version = ctx.layers().nextVersion(c, scope, name);
            ObjectNode config = Json.object();
            config.putObject("Content").put("CodeSha256", code.sha256Base64()).put("CodeSize", code.size());
            config.put("Description", body.path("Description").asText(""));
            config.put("CreatedDate", Timestamps.format(now));
            if (!runtimes.isEmpty()) {
                config.set("CompatibleRuntimes", runtimes);
            }
            if (body.hasNonNull("LicenseInfo")) {
                config.put("LicenseInfo", body.get("LicenseInfo").asText());
            }
            if (!architectures.isEmpty()) {
                config.set("CompatibleArchitectures", architectures);
            }
            LayerVersionRow created = new LayerVersionRow(scope, name, version, config, code.shaHex(),
                    code.unzippedSize(), null);
            ctx.blobs().requirePresent(code.shaHex());
            ctx.layers().put(c, created);
            return created;
        });
    }

    ApiResponse get(ApiRequest request) {
        String name = layerName(request.path("layer"));
        long version = versionNumber(request.path("version"));
        return ApiResponse.json(200, render(find(request.scope(), name, version), request));
    }

    /** {@code GET /2018-10-31/layers}: GetLayerVersionByArn when {@code find=LayerVersion}, else ListLayers. */
    ApiResponse layersRoot(ApiRequest request) {
        if ("LayerVersion".equals(request.query("find"))) {
            String arn = request.query("Arn");
            Matcher m = arn == null ? null : LayerResolver.LAYER_VERSION_ARN.matcher(arn);
            if (m == null || !m.matches()) {
                throw ApiException.validation(String.valueOf(arn), "arn", "Member must satisfy regular expression"
                        + " pattern: arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+");
            }
            return ApiResponse.json(200, render(shared(request.scope(), m, arn), request));
        }
        String runtime = request.query("CompatibleRuntime");
        String architecture = request.query("CompatibleArchitecture");
        List<JsonNode> items = ctx.db().read(c -> {
            List<JsonNode> result = new ArrayList<>();
            for (String name : ctx.layers().names(c, request.scope())) {
                for (LayerVersionRow row : ctx.layers().versions(c, request.scope(), name)) {
                    if (matches(row, runtime, architecture)) {
                        ObjectNode layer = Json.object();
                        layer.put("LayerName", name);
                        layer.put("LayerArn", Arns.layer(request.scope(), name));
                        layer.set("LatestMatchingVersion", render(row, null));
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

    ApiResponse listVersions(ApiRequest request) {
        String name = layerName(request.path("layer"));
        String runtime = request.query("CompatibleRuntime");
        String architecture = request.query("CompatibleArchitecture");
        List<JsonNode> items = ctx.db().read(c -> {
            List<JsonNode> result = new ArrayList<>();
            for (LayerVersionRow row : ctx.layers().versions(c, request.scope(), name)) {
                if (matches(row, runtime, architecture)) {
                    result.add(render(row, null));
                }
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "LayerVersions", 50, 50);
        return ApiResponse.json(200, out);
    }

    ApiResponse delete(ApiRequest request) {
        String name = layerName(request.path("layer"));
        long version = versionNumber(request.path("version"));
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

    static String layerName(String raw) {
        String name = raw;
        if (raw != null && raw.startsWith("arn:")) {
            name = raw.substring(raw.lastIndexOf(':') + 1);
        }
        Validation.layerName(name == null ? "" : name);
        return name;
    }

    static long versionNumber(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.validation(raw, "versionNumber", "Member must be a number");
        }
    }

    /** A layer version as AWS renders it; with its {@code Content} (and link) when answering {@code request}. */
    ObjectNode render(LayerVersionRow row, ApiRequest request) {
        ObjectNode out = Json.object();
        if (request != null) {
            ObjectNode content = row.config().path("Content").deepCopy();
            content.put("Location", ctx.links().link(row.zipSha(), request));
            out.set("Content", content);
            out.put("LayerArn", Arns.layer(row.scope(), row.name()));
        }
        out.put("LayerVersionArn", Arns.layerVersion(row.scope(), row.name(), row.version()));
        out.put("Description", row.config().path("Description").asText(""));
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
