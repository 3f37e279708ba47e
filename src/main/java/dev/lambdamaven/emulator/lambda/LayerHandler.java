package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
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
        ObjectNode body = request.json(FunctionHandler.MAX_REQUEST, LambdaShapes.PUBLISH_LAYER_VERSION);
        try {
            return ApiResponse.json(201, render(store(name, body), true));
        } catch (RuntimeException e) {
            ctx.collector().request(); // the zip may be stored already, and now nothing will reference it
            throw e;
        }
    }

    private LayerVersionRow store(String name, ObjectNode body) {
        CodeIntake.Code code = intake.fromRequest(body.get("Content"));
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
            long version = ctx.layers().nextVersion(c, name);
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
            LayerVersionRow created = new LayerVersionRow(name, version, config, code.shaHex(), code.unzippedSize(),
                    null);
            ctx.blobs().requirePresent(code.shaHex());
            ctx.layers().put(c, created);
            return created;
        });
    }

    ApiResponse get(ApiRequest request) {
        String name = layerName(request.path("layer"));
        long version = versionNumber(request.path("version"));
        return ApiResponse.json(200, render(find(name, version), true));
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
            if (!m.group(1).equals(ctx.arns().region()) || !m.group(2).equals(ctx.arns().account())) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return ApiResponse.json(200, render(find(m.group(3), Long.parseLong(m.group(4))), true));
        }
        String runtime = request.query("CompatibleRuntime");
        String architecture = request.query("CompatibleArchitecture");
        List<JsonNode> items = ctx.db().read(c -> {
            List<JsonNode> result = new ArrayList<>();
            for (String name : ctx.layers().names(c)) {
                for (LayerVersionRow row : ctx.layers().versions(c, name)) {
                    if (matches(row, runtime, architecture)) {
                        ObjectNode layer = Json.object();
                        layer.put("LayerName", name);
                        layer.put("LayerArn", ctx.arns().layer(name));
                        layer.set("LatestMatchingVersion", render(row, false));
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
            for (LayerVersionRow row : ctx.layers().versions(c, name)) {
                if (matches(row, runtime, architecture)) {
                    result.add(render(row, false));
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
            ctx.layers().delete(c, name, version);
            return null;
        });
        ctx.collector().request();
        return ApiResponse.empty(204);
    }

    LayerVersionRow find(String name, long version) {
        return ctx.db().read(c -> ctx.layers().version(c, name, version))
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
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

    ObjectNode render(LayerVersionRow row, boolean withContent) {
        ObjectNode out = Json.object();
        if (withContent) {
            ObjectNode content = row.config().path("Content").deepCopy();
            content.put("Location", ctx.endpoint().get() + "/__emulator/code/" + row.zipSha());
            out.set("Content", content);
            out.put("LayerArn", ctx.arns().layer(row.name()));
        }
        out.put("LayerVersionArn", ctx.arns().layerVersion(row.name(), row.version()));
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
