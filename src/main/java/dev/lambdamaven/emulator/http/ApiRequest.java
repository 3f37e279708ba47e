package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the API handlers see it: method, URL-decoded path segments, decoded query parameters,
 * headers and a body that is read at most once, within a size bound.
 */
public final class ApiRequest {

    private final String method;
    private final List<String> segments;
    private final Map<String, List<String>> query;
    private final Headers headers;
    private final InputStream body;
    private final String requestId;
    private final Map<String, String> pathParams;
    private byte[] bodyBytes;

    public ApiRequest(String method, List<String> segments, Map<String, List<String>> query, Headers headers,
            InputStream body, String requestId, Map<String, String> pathParams) {
        this.method = method;
        this.segments = List.copyOf(segments);
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
        this.pathParams = Map.copyOf(pathParams);
    }

    public ApiRequest withPathParams(Map<String, String> params) {
        ApiRequest copy = new ApiRequest(method, segments, query, headers, body, requestId, params);
        copy.bodyBytes = bodyBytes;
        return copy;
    }

    public String method() {
        return method;
    }

    public List<String> segments() {
        return segments;
    }

    public String requestId() {
        return requestId;
    }

    public String path(String name) {
        return pathParams.get(name);
    }

    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    public Map<String, List<String>> queryMap() {
        return query;
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    public InputStream bodyStream() {
        return body;
    }

    /**
     * The whole body, refusing more than {@code limit} bytes with AWS's RequestEntityTooLargeException for
     * the named operation.
     */
    public byte[] body(long limit, String operation) {
        if (bodyBytes == null) {
            try {
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
                if (bytes.length > limit) {
                    throw new ApiException(413, "RequestEntityTooLargeException", "Request must be smaller than "
                            + limit + " bytes for the " + operation + " operation");
                }
                bodyBytes = bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodyBytes;
    }

    /**
     * The body as a JSON object of the given shape, its members coerced to their types; an empty body is an
     * empty object, anything malformed or of the wrong type a 400.
     */
    public ObjectNode json(long limit, JsonShape.Struct shape) {
        byte[] bytes = body(limit, shape.operation());
        if (bytes.length == 0) {
            return Json.object();
        }
        JsonNode node = Json.parse(bytes);
        if (!(node instanceof ObjectNode object)) {
            throw Json.notParsable("expected a JSON object");
        }
        return shape.check(object);
    }
}
