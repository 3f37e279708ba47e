package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response: status, headers and either bytes in memory or a file streamed from disk. */
public final class ApiResponse {

    private final int status;
    private final byte[] body;
    private final Path file;
    private final Map<String, String> headers = new LinkedHashMap<>();
    /** Headers sent once per value ({@code Set-Cookie}), after {@link #headers}. */
    private final List<Map.Entry<String, String>> repeated = new ArrayList<>();

    private ApiResponse(int status, byte[] body, Path file, String contentType) {
        this.status = status;
        this.body = body;
        this.file = file;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static ApiResponse json(int status, JsonNode node) {
        return new ApiResponse(status, Json.bytes(node), null, "application/json");
    }

    public static ApiResponse bytes(int status, byte[] body, String contentType) {
        return new ApiResponse(status, body, null, contentType);
    }

    public static ApiResponse file(Path file, String contentType) {
        return new ApiResponse(200, null, file, contentType);
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, new byte[0], null, null);
    }

    public ApiResponse header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    /** A header that may appear several times, each value on a line of its own. */
    public ApiResponse addHeader(String name, String value) {
        repeated.add(Map.entry(name, value));
        return this;
    }

    public List<Map.Entry<String, String>> repeatedHeaders() {
        return repeated;
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body;
    }

    public Path file() {
        return file;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
