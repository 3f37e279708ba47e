package demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function URL's function: answers by the request's path, in each of the shapes Lambda maps (a plain JSON value, an
 * object without statusCode, a full response with headers, cookies and a binary body), or fails.
 */
public class UrlEcho implements RequestHandler<Map<String, Object>, Object> {

    private static int invocations;

    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
        invocations++;
        String path = String.valueOf(event.get("rawPath"));
        switch (path) {
            case "/plain":
                return "Hello, world!";
            case "/object":
                return Map.of("message", "Hello, world!");
            case "/fail":
                throw new IllegalStateException("the function failed");
            case "/png":
                return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "image/png"),
                        "body", "iVBORw0KGgo=", "isBase64Encoded", true);
            default:
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("statusCode", 201);
                response.put("headers", Map.of("Content-Type", "application/json", "My-Custom-Header", "Custom Value",
                        "Access-Control-Allow-Origin", "https://function.example", "X-Invocations",
                        String.valueOf(invocations), "X-Version", context.getFunctionVersion()));
                response.put("cookies", List.of("Cookie_1=Value1; Max-Age=78000", "Cookie_2=Value2"));
                response.put("body", json(event));
                return response;
        }
    }

    /** The event as JSON text (the runtime client's own serializer is not on the handler's class path). */
    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(out.length() > 1 ? "," : "").append(json(String.valueOf(entry.getKey()))).append(':')
                        .append(json(entry.getValue()));
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                out.append(out.length() > 1 ? "," : "").append(json(item));
            }
            return out.append(']').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
