package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.FunctionUrlStore.UrlConfig;
import java.util.List;

/**
 * Create/Get/Update/Delete/ListFunctionUrlConfig(s): a URL per function or alias, with its auth type, CORS and
 * invoke mode. The URL names the emulator on loopback ({@code http://<id>.lambda-url.<region>.localhost:<port>/})
 * instead of {@code https://<id>.lambda-url.<region>.on.aws/}; its id is 32 random letters and digits as on AWS.
 */
final class FunctionUrlHandler {

    private static final List<String> AUTH_TYPES = List.of("NONE", "AWS_IAM");
    /** In the order AWS prints them. */
    private static final List<String> INVOKE_MODES = List.of("RESPONSE_STREAM", "BUFFERED");
    private static final List<String> CORS_MEMBERS = List.of("AllowCredentials", "AllowHeaders", "AllowMethods",
            "AllowOrigins", "ExposeHeaders", "MaxAge");
    private static final String NO_FUNCTION = "Function does not exist";
    private static final String NO_RESOURCE = "The resource you requested does not exist.";

    private final LambdaContext ctx;
    private final FunctionTargets targets;

    FunctionUrlHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.targets = new FunctionTargets(ctx);
    }

    ApiResponse create(ApiRequest request) {
        FunctionRef ref = FunctionTargets.parse(request, FunctionTargets.FUNCTION_URL_QUALIFIER);
        ObjectNode body = request.json(LambdaShapes.FUNCTION_URL_CONFIG);
        validate(body, true);
        UrlConfig created = ctx.db().write(c -> {
            FunctionTargets.Target target = targets.find(c, ref);
            if (!target.exists()) {
                throw ApiException.notFound(NO_FUNCTION);
            }
            if (ctx.urls().find(c, ref.scope(), ref.name(), target.key()).isPresent()) {
                throw ApiException.conflict("Failed to create function url config for [functionArn = "
                        + ref.qualifiedArn() + "]. Error message:  FunctionUrlConfig exists for this Lambda function");
            }
            long now = ctx.now();
            UrlConfig url = new UrlConfig(ref.scope(), ref.name(), target.key(), Ids.token(32),
                    body.get("AuthType").asText(), cors(body), body.path("InvokeMode").asText(null), now, now);
            ctx.urls().put(c, url);
            return url;
        });
        return ApiResponse.json(201, render(created, request, false));
    }

    ApiResponse get(ApiRequest request) {
        FunctionRef ref = FunctionTargets.parse(request, FunctionTargets.FUNCTION_URL_QUALIFIER);
        return ctx.db().read(c -> ApiResponse.json(200, render(ctx.urls().find(c, ref.scope(), ref.name(),
                FunctionTargets.key(ref)).orElseThrow(() -> ApiException.notFound(NO_RESOURCE)), request, true)));
    }

    ApiResponse update(ApiRequest request) {
        FunctionRef ref = FunctionTargets.parse(request, FunctionTargets.FUNCTION_URL_QUALIFIER);
        ObjectNode body = request.json(LambdaShapes.FUNCTION_URL_CONFIG);
        validate(body, false);
        UrlConfig updated = ctx.db().write(c -> {
            if (!targets.find(c, ref).exists()) {
                throw ApiException.notFound(NO_FUNCTION);
            }
            UrlConfig url = ctx.urls().find(c, ref.scope(), ref.name(), FunctionTargets.key(ref))
                    .orElseThrow(() -> ApiException.notFound(NO_RESOURCE));
            UrlConfig changed = new UrlConfig(url.scope(), url.function(), url.qualifier(), url.urlId(),
                    body.path("AuthType").asText(url.authType()), body.has("Cors") ? cors(body) : url.cors(),
                    body.path("InvokeMode").asText(url.invokeMode()), url.createdAt(), ctx.now());
            ctx.urls().put(c, changed);
            return changed;
        });
        ObjectNode out = render(updated, request, false);
        out.put("LastModifiedTime", Timestamps.iso(updated.modifiedAt()));
        return ApiResponse.json(200, out);
    }

    ApiResponse delete(ApiRequest request) {
        FunctionRef ref = FunctionTargets.parse(request, FunctionTargets.FUNCTION_URL_QUALIFIER);
        ctx.db().write(c -> {
            ctx.urls().find(c, ref.scope(), ref.name(), FunctionTargets.key(ref))
                    .orElseThrow(() -> ApiException.notFound(NO_RESOURCE));
            ctx.urls().delete(c, ref.scope(), ref.name(), FunctionTargets.key(ref));
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse list(ApiRequest request) {
        return targets.list(request, ApiException.notFound(NO_FUNCTION), ctx.urls()::list,
                url -> render(url, request, true), "FunctionUrlConfigs");
    }

    private static void validate(ObjectNode body, boolean create) {
        String authType = body.path("AuthType").asText(null);
        JsonNode cors = body.path("Cors");
        Constraints constraints = new Constraints();
        if (create) {
            constraints.required(authType, "authType");
        }
        constraints.oneOf(authType, "authType", AUTH_TYPES)
                .size(cors.get("AllowHeaders"), "cors.allowHeaders", 0, 100)
                .items(cors.get("AllowHeaders"), "cors.allowHeaders", 0, 1024, ".*")
                .size(cors.get("AllowMethods"), "cors.allowMethods", 0, 6)
                .items(cors.get("AllowMethods"), "cors.allowMethods", 0, 6, ".*")
                .size(cors.get("AllowOrigins"), "cors.allowOrigins", 0, 100)
                .items(cors.get("AllowOrigins"), "cors.allowOrigins", 1, 253, ".*")
                .size(cors.get("ExposeHeaders"), "cors.exposeHeaders", 0, 100)
                .items(cors.get("ExposeHeaders"), "cors.exposeHeaders", 0, 1024, ".*")
                .range(cors.get("MaxAge"), "cors.maxAge", 0, 86400)
                .oneOf(body.path("InvokeMode").asText(null), "invokeMode", INVOKE_MODES)
                .check();
    }

    /** The CORS members given, or {@code null} for none. */
    private static ObjectNode cors(ObjectNode body) {
        if (!body.has("Cors")) {
            return null;
        }
        ObjectNode cors = Json.object();
        for (String member : CORS_MEMBERS) {
            if (body.get("Cors").has(member)) {
                cors.set(member, body.get("Cors").get(member));
            }
        }
        return cors;
    }

    /**
     * A URL config as Create and Update answer it ({@code InvokeMode} only when it was set), or as Get and List
     * answer it ({@code full}: with its last change and {@code BUFFERED} as the default invoke mode).
     */
    private static ObjectNode render(UrlConfig url, ApiRequest request, boolean full) {
        ObjectNode out = Json.object();
        out.put("FunctionUrl", url(url, request));
        out.put("FunctionArn", Arns.function(url.scope(), url.function(), url.qualifier().isEmpty() ? null
                : url.qualifier()));
        out.put("AuthType", url.authType());
        if (url.cors() != null) {
            out.set("Cors", url.cors());
        }
        out.put("CreationTime", Timestamps.iso(url.createdAt()));
        if (full) {
            out.put("LastModifiedTime", Timestamps.iso(url.modifiedAt()));
            out.put("InvokeMode", url.invokeMode() == null ? "BUFFERED" : url.invokeMode());
        } else if (url.invokeMode() != null) {
            out.put("InvokeMode", url.invokeMode());
        }
        return out;
    }

    /** The URL on the port the caller reached the emulator on. */
    static String url(UrlConfig url, ApiRequest request) {
        String host = request.header("Host");
        int colon = host == null ? -1 : host.lastIndexOf(':');
        String port = colon > 0 && host.substring(colon + 1).matches("\\d{1,5}") ? host.substring(colon) : "";
        return "http://" + url.urlId() + ".lambda-url." + url.scope().region() + ".localhost" + port + "/";
    }
}
