package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaders;
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
    private final HttpHeaders headers;
    private final InputStream body;
    private final String requestId;
    private final Map<String, String> pathParams;
    private final Scope scope;
    private byte[] bodyBytes;
    private Map<String, List<String>> form;

    public ApiRequest(String method, List<String> segments, Map<String, List<String>> query, HttpHeaders headers,
            InputStream body, String requestId, Map<String, String> pathParams, Scope scope) {
        this.scope = scope;
        this.method = method;
        this.segments = List.copyOf(segments);
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
        this.pathParams = Map.copyOf(pathParams);
    }

    public ApiRequest withPathParams(Map<String, String> params) {
        ApiRequest copy = new ApiRequest(method, segments, query, headers, body, requestId, params, scope);
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

    /** The account and region the request acts in, from its signature. */
    public Scope scope() {
        return scope;
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
        return headers.get(name);
    }

    /** A member of a form-encoded body (the EC2 query protocol), read once. */
    public String form(String name) {
        return formMap().getOrDefault(name, List.of()).stream().findFirst().orElse(null);
    }

    /** The whole form-encoded body. */
    public Map<String, List<String>> formMap() {
        if (form == null) {
            form = PathCodec.query(new String(body(1 << 20, "EC2"), java.nio.charset.StandardCharsets.UTF_8));
        }
        return form;
    }

    public InputStream bodyStream() {
        return body;
    }

    /**
     * The whole body, refusing {@code limit} bytes or more with AWS's RequestEntityTooLargeException for the named
     * operation (AWS: "Request must be smaller than ...").
     */
    public byte[] body(long limit, String operation) {
        if (bodyBytes == null) {
            try {
                bodyBytes = bounded(limit, operation).readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodyBytes;
    }

    /**
     * The body as a JSON object of the given shape, its members coerced to their types, read as it streams in
     * and bounded by the shape's limit; an empty body is an empty object, anything malformed or of the wrong type
     * a 400. The shape must have no binary member (see {@link #json(JsonShape.Struct, BinarySink)}).
     */
    public ObjectNode json(JsonShape.Struct shape) {
        return json(shape, () -> {
            throw new IllegalStateException(shape.operation() + " has a binary member: give it a sink");
        });
    }

    /** As {@link #json(JsonShape.Struct)}; binary members are decoded into {@code sink} as they arrive. */
    public ObjectNode json(JsonShape.Struct shape, BinarySink sink) {
        JsonNode node = Json.parse(bounded(shape.maxBytes(), shape.operation()), shape, sink);
        if (!(node instanceof ObjectNode object)) {
            throw Json.notParsable("expected a JSON object");
        }
        return shape.check(object);
    }

    /** The body stream, answering 413 as soon as its declared or its actual length reaches {@code limit}. */
    private InputStream bounded(long limit, String operation) {
        String declared = header("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) >= limit) {
            throw tooLarge(limit, operation);
        }
        return new InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int b = body.read();
                count(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = body.read(buffer, offset, length);
                count(n);
                return n;
            }

            private void count(int n) {
                if (n > 0 && (read += n) >= limit) {
                    throw tooLarge(limit, operation);
                }
            }
        };
    }

    private static ApiException tooLarge(long limit, String operation) {
        return new ApiException(413, "RequestEntityTooLargeException", "Request must be smaller than " + limit
                + " bytes for the " + operation + " operation");
    }
}
