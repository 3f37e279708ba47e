package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.runtime.InvocationResult;
import dev.lambdamaven.emulator.store.FunctionUrlStore.UrlConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves function URLs on the emulator's port, told apart from the API by their host name
 * ({@code http://<url id>.lambda-url.<region>.localhost:<port>/}, a loopback name): each request runs the function
 * (or alias) synchronously with Lambda's payload format 2.0 event and answers with its mapped response.
 * <ul>
 * <li>{@code AWS_IAM} URLs take only requests signed with SigV4 for {@code lambda} in the URL's region (the signature
 * is not verified, as nowhere in the emulator); {@code NONE} URLs take unsigned ones.
 * <li>CORS as configured: Lambda answers a preflight itself, and puts the configured headers on answers to requests
 * with an allowed {@code Origin} (replacing the function's own).
 * <li>A browser reaches a URL only from an origin its CORS configuration allows, or by a navigation the user started
 * ({@code Sec-Fetch-Site: none}): any other request a web page could make is refused, as the emulator's API refuses
 * every browser request.
 * </ul>
 */
final class FunctionUrlServer implements Router.HostRoute {

    private static final Pattern HOST = Pattern.compile(
            "(?i)([a-z0-9]{32})\\.lambda-url\\.([a-z0-9-]+)\\.localhost\\.?(:\\d{1,5})?");
    /** Recorded from AWS for a URL request it refuses (awsdocs/aws-lambda-developer-guide#494). */
    static final String FORBIDDEN = "Forbidden. For troubleshooting Function URL authorization issues, see:"
            + " https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html";

    private final LambdaContext ctx;
    private final InvokeHandler invoke;

    FunctionUrlServer(LambdaContext ctx, InvokeHandler invoke) {
        this.ctx = ctx;
        this.invoke = invoke;
    }

    @Override
    public boolean serves(String host) {
        return HOST.matcher(host.trim()).matches();
    }

    @Override
    public ApiResponse handle(Router.HostRequest request) throws IOException, InterruptedException {
        Matcher host = HOST.matcher(request.headers().get("Host").trim());
        host.matches();
        String urlId = host.group(1).toLowerCase(Locale.ROOT);
        String region = host.group(2).toLowerCase(Locale.ROOT);
        UrlConfig url = ctx.db().read(c -> ctx.urls().byUrlId(c, urlId)).filter(u -> u.scope().region().equals(region))
                .orElseThrow(() -> new ApiException(404, "ResourceNotFoundException", "No function URL "
                        + urlId + " in " + region + " on this emulator: GetFunctionUrlConfig gives a function's URL."));
        String origin = request.headers().get("Origin");
        boolean allowedOrigin = origin != null && allows(url.cors(), origin);
        checkBrowser(request, origin, allowedOrigin);
        if (url.cors() != null && allowedOrigin && request.method().equals("OPTIONS")
                && request.headers().contains("Access-Control-Request-Method")) {
            return preflight(url.cors(), origin);
        }
        checkAuth(url, request, region);
        byte[] body = body(request);
        String domain = host.group(0).replaceFirst("(:\\d+)$", "").toLowerCase(Locale.ROOT);
        ObjectNode event = FunctionUrlPayloads.event(request, urlId, domain, url.scope().account(), body, ctx.now());
        FunctionRef ref = new FunctionRef(url.scope(), url.function(), url.qualifier().isEmpty() ? null
                : url.qualifier());
        InvocationResult result = invoke.run(ref, Json.bytes(event), false, request.requestId()).result();
        if (result.functionError() != null) {
            throw FunctionUrlPayloads.badGateway();
        }
        ApiResponse response = FunctionUrlPayloads.response(result.payload() == null ? new byte[0]
                : result.payload());
        return allowedOrigin && url.cors() != null ? withCors(response, url.cors(), origin) : response;
    }

    private static void checkBrowser(Router.HostRequest request, String origin, boolean allowedOrigin) {
        boolean browser = origin != null || request.headers().contains("Sec-Fetch-Site")
                || request.headers().contains("Sec-Fetch-Mode");
        boolean userNavigation = origin == null && "none".equals(request.headers().get("Sec-Fetch-Site"));
        if (browser && !allowedOrigin && !userNavigation) {
            throw new ApiException(403, "AccessDeniedException", "The Lambda emulator answers a function URL from a"
                    + " web page only when the URL's Cors AllowOrigins names that page's origin"
                    + (origin == null ? "" : " (Origin: " + origin + ")") + ".");
        }
    }

    private static void checkAuth(UrlConfig url, Router.HostRequest request, String region) {
        if (!url.authType().equals("AWS_IAM")) {
            return;
        }
        var credential = request.credential();
        if (credential == null || !credential.service().equals("lambda") || !credential.region().equals(region)) {
            throw new ApiException(403, "AccessDeniedException", FORBIDDEN);
        }
    }

    private static byte[] body(Router.HostRequest request) throws IOException {
        byte[] body = request.body().readNBytes((int) InvokeHandler.MAX_SYNC_PAYLOAD + 1);
        if (body.length > InvokeHandler.MAX_SYNC_PAYLOAD) {
            throw new ApiException(413, "RequestEntityTooLargeException", "Request must be smaller than "
                    + InvokeHandler.MAX_SYNC_PAYLOAD + " bytes for the InvokeFunction operation");
        }
        return body;
    }

    /** Whether the configured {@code AllowOrigins} takes {@code origin} ({@code *} takes any). */
    private static boolean allows(ObjectNode cors, String origin) {
        if (cors == null) {
            return false;
        }
        for (JsonNode allowed : cors.path("AllowOrigins")) {
            if (allowed.asText().equals("*") || allowed.asText().equalsIgnoreCase(origin)) {
                return true;
            }
        }
        return false;
    }

    private static ApiResponse preflight(ObjectNode cors, String origin) {
        ApiResponse response = withCors(ApiResponse.empty(200), cors, origin);
        response.header("Access-Control-Allow-Methods", joined(cors.path("AllowMethods")));
        response.header("Access-Control-Allow-Headers", joined(cors.path("AllowHeaders")));
        if (cors.has("MaxAge")) {
            response.header("Access-Control-Max-Age", cors.get("MaxAge").asText());
        }
        return response;
    }

    /** The configured CORS headers on {@code response}, instead of any the function set itself. */
    private static ApiResponse withCors(ApiResponse response, ObjectNode cors, String origin) {
        response.headers().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        boolean credentials = cors.path("AllowCredentials").asBoolean(false);
        boolean any = false;
        for (JsonNode allowed : cors.path("AllowOrigins")) {
            any |= allowed.asText().equals("*");
        }
        response.header("Access-Control-Allow-Origin", any && !credentials ? "*" : origin);
        if (credentials) {
            response.header("Access-Control-Allow-Credentials", "true");
        }
        response.header("Access-Control-Expose-Headers", joined(cors.path("ExposeHeaders")));
        response.header("Vary", "Origin");
        return response;
    }

    /** A list as one header value, or {@code null} (no header) when empty. */
    private static String joined(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(value -> values.add(value.asText()));
        return values.isEmpty() ? null : String.join(",", values);
    }
}
