package dev.lambdamaven.emulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps method + path templates such as {@code /2015-03-31/functions/{name}/versions} to handlers. */
public final class Router {

    /** A handler of one API operation. */
    @FunctionalInterface
    public interface Route {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    private record Entry(String method, String[] template, Route route) {}

    private final List<Entry> entries = new ArrayList<>();

    public Router add(String method, String template, Route route) {
        entries.add(new Entry(method, PathCodec.segments(template).toArray(String[]::new), route));
        return this;
    }

    /** The matching route with its path parameters bound, or {@code null}. */
    public ApiRequest bind(ApiRequest request, Route[] routeOut) {
        List<String> segments = request.segments();
        for (Entry entry : entries) {
            if (!entry.method.equals(request.method()) || entry.template.length != segments.size()) {
                continue;
            }
            Map<String, String> params = match(entry.template, segments);
            if (params != null) {
                routeOut[0] = entry.route;
                return request.withPathParams(params);
            }
        }
        return null;
    }

    private static Map<String, String> match(String[] template, List<String> segments) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), segments.get(i));
            } else if (!t.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }
}
