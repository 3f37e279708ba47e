package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Router;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A function URL's payloads as Lambda maps them (payload format 2.0, the Lambda developer guide's "Invoking Lambda
 * function URLs", doc_source/urls-invocation.md in awsdocs/aws-lambda-developer-guide): the HTTP request into the
 * event, the function's answer into the HTTP response.
 */
final class FunctionUrlPayloads {

    /** Bodies of these types reach the function as text; any other body is base64-encoded. */
    private static final Pattern TEXT_TYPES = Pattern.compile("(?i)\\s*(text/[^;]*|application/(json|[^;]*\\+json"
            + "|xml|[^;]*\\+xml|javascript|x-www-form-urlencoded|graphql))\\s*(;.*)?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private FunctionUrlPayloads() {}

    /** The event of a request; {@code host} without its port names the URL, as {@code domainName} does. */
    static ObjectNode event(Router.HostRequest request, String urlId, String domainName, String account, byte[] body,
            long epochMillis) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", request.rawPath().isEmpty() ? "/" : request.rawPath());
        event.put("rawQueryString", request.rawQuery());
        ArrayNode cookies = Json.array();
        ObjectNode headers = Json.object();
        Map<String, String> joined = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
            } else {
                joined.merge(name, header.getValue(), (a, b) -> a + "," + b);
            }
        }
        joined.forEach(headers::put);
        if (!cookies.isEmpty()) {
            event.set("cookies", cookies);
        }
        event.set("headers", headers);
        Map<String, List<String>> query = dev.lambdamaven.emulator.http.PathCodec.query(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = Json.object();
            query.forEach((name, values) -> parameters.put(name, String.join(",", values)));
            event.set("queryStringParameters", parameters);
        }
        ObjectNode context = Json.object();
        context.put("accountId", request.credential() == null ? "anonymous" : account);
        context.put("apiId", urlId);
        if (request.credential() != null) {
            String key = request.credential().accessKeyId();
            String caller = key.matches("\\d{12}") ? key : account; // the emulator's rule for a signer's account
            ObjectNode iam = Json.object();
            iam.put("accessKey", key);
            iam.put("accountId", caller);
            iam.put("callerId", key);
            iam.putNull("cognitoIdentity");
            iam.putNull("principalOrgId");
            iam.put("userArn", "arn:aws:iam::" + caller + ":user/" + key);
            iam.put("userId", request.credential().accessKeyId());
            context.set("authorizer", Json.object().set("iam", iam));
        }
        context.put("domainName", domainName);
        context.put("domainPrefix", urlId);
        ObjectNode http = Json.object();
        http.put("method", request.method());
        http.put("path", request.rawPath().isEmpty() ? "/" : request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1"); // the emulator listens on loopback
        http.put("userAgent", request.headers().get("User-Agent"));
        context.set("http", http);
        context.put("requestId", request.requestId());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", TIME.format(Instant.ofEpochMilli(epochMillis)));
        context.put("timeEpoch", epochMillis);
        event.set("requestContext", context);
        if (body.length > 0) {
            boolean text = isText(request.headers(), body);
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static boolean isText(HttpHeaders headers, byte[] body) {
        String type = headers.get("Content-Type");
        if (type == null || !TEXT_TYPES.matcher(type).matches()) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The HTTP response to the function's answer: an object with a {@code statusCode} is mapped (headers, cookies as
     * {@code Set-Cookie}, a body, base64-decoded when {@code isBase64Encoded}); any other JSON value is the body of a
     * 200 {@code application/json} answer, as returned. An answer that cannot be mapped is Lambda's 502.
     */
    static ApiResponse response(byte[] payload) {
        JsonNode answer;
        try {
            answer = payload.length == 0 ? null : Json.parse(payload);
        } catch (ApiException e) {
            answer = null; // not JSON (a custom runtime's plain text): the body as it came
        }
        if (!(answer instanceof ObjectNode object) || !object.has("statusCode")) {
            return ApiResponse.bytes(200, payload, "application/json");
        }
        JsonNode status = object.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw badGateway();
        }
        JsonNode body = object.path("body");
        byte[] bytes;
        if (body.isMissingNode() || body.isNull()) {
            bytes = new byte[0];
        } else if (body.isTextual() && object.path("isBase64Encoded").asBoolean(false)) {
            try {
                bytes = Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw badGateway();
            }
        } else {
            bytes = body.isTextual() ? body.asText().getBytes(StandardCharsets.UTF_8) : Json.bytes(body);
        }
        ApiResponse response = ApiResponse.bytes(status.asInt(), bytes, null);
        boolean typed = false;
        for (Map.Entry<String, JsonNode> header : object.path("headers").properties()) {
            String name = header.getKey();
            typed |= name.equalsIgnoreCase("Content-Type");
            if (!name.equalsIgnoreCase("Content-Length")) {
                response.header(name, header.getValue().isTextual() ? header.getValue().asText()
                        : Json.text(header.getValue()));
            }
        }
        if (!typed) {
            response.header("Content-Type", "application/json");
        }
        for (JsonNode cookie : object.path("cookies")) {
            response.addHeader("Set-Cookie", cookie.asText());
        }
        return response;
    }

    /**
     * Lambda's answer when the function failed or its answer cannot be mapped (awsdocs/aws-lambda-developer-guide#430,
     * awslabs/aws-lambda-cpp#200: "502 Internal Server Error").
     */
    static ApiException badGateway() {
        return new ApiException(502, "ServiceException", "Internal Server Error");
    }
}
