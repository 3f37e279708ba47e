package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TagResource, UntagResource and ListTags on functions (not on versions or aliases), event source mappings and code
 * signing configs.
 */
final class TagHandler {

    static final int MAX_TAGS = 50;

    private final LambdaContext ctx;
    private final FunctionLookup lookup;
    private final TaggableResources others;

    TagHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.lookup = new FunctionLookup(ctx);
        this.others = new TaggableResources(ctx);
    }

    static Map<String, String> parseTags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> tag = it.next();
            String key = tag.getKey();
            String value = tag.getValue().asText();
            if (key.isEmpty() || key.length() > 128) {
                throw ApiException.invalidParameter("Tag keys must be between 1 and 128 characters in length.");
            }
            if (value.length() > 256) {
                throw ApiException.invalidParameter("Tag values must be between 0 and 256 characters in length.");
            }
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw ApiException.invalidParameter("Tag keys cannot start with the reserved prefix 'aws:'.");
            }
            tags.put(key, value);
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.invalidParameter("Number of tags exceeds resource tag limit.");
        }
        return tags;
    }

    ApiResponse tag(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.TAG_RESOURCE);
        Map<String, String> tags = parseTags(body.path("Tags"));
        ctx.db().write(c -> {
            String arn = functionArn(c, request);
            Map<String, String> merged = new LinkedHashMap<>(ctx.tags().tags(c, arn));
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw ApiException.invalidParameter("Number of tags exceeds resource tag limit.");
            }
            ctx.tags().put(c, arn, tags);
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse untag(ApiRequest request) {
        List<String> keys = request.queryAll("tagKeys");
        ctx.db().write(c -> {
            ctx.tags().remove(c, functionArn(c, request), keys);
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse list(ApiRequest request) {
        return ctx.db().read(c -> {
            ObjectNode out = Json.object();
            out.set("Tags", Json.strings(ctx.tags().tags(c, functionArn(c, request))));
            return ApiResponse.json(200, out);
        });
    }

    private String functionArn(Connection c, ApiRequest request) throws SQLException {
        String arn = request.path("arn");
        if (arn == null || !arn.startsWith("arn:")) {
            throw ApiException.validation(String.valueOf(arn), "resource", "Member must satisfy regular expression"
                    + " pattern: arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:"
                    + "function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
        String other = others.existing(c, request.scope(), arn);
        if (other != null) {
            return other;
        }
        FunctionRef ref = FunctionRef.parse(arn, null, request.scope());
        if (ref.qualifier() != null) {
            throw ApiException.invalidParameter("Tags on function aliases and versions are not supported. Please"
                    + " specify a function ARN.");
        }
        lookup.latest(c, ref);
        return ref.arn();
    }
}
