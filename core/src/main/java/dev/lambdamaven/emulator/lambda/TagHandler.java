package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.VersionRow;
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
        String resource = resource(request, new Violations().required("tags", body.get("Tags")));
        if (body.path("Tags").isEmpty()) { // test_tag_exceptions
            throw ApiException.invalidParameter("An error occurred and the request cannot be processed.");
        }
        Map<String, String> tags = parseTags(body.path("Tags"));
        ctx.db().write(c -> {
            Tagged tagged = taggable(c, request, resource);
            String arn = tagged.arn();
            Map<String, String> merged = new LinkedHashMap<>(ctx.tags().tags(c, arn));
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw ApiException.invalidParameter("Number of tags exceeds resource tag limit.");
            }
            ctx.tags().put(c, arn, tags);
            changed(c, tagged);
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse untag(ApiRequest request) {
        List<String> keys = request.queryAll("tagKeys");
        // no keys: the SDKs send no tagKeys at all (test_tag_exceptions)
        String resource = resource(request, new Violations().required("tagKeys", keys.isEmpty() ? null : keys));
        ctx.db().write(c -> {
            Tagged tagged = taggable(c, request, resource);
            ctx.tags().remove(c, tagged.arn(), keys);
            changed(c, tagged);
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse list(ApiRequest request) {
        String resource = resource(request, new Violations());
        return ctx.db().read(c -> {
            ObjectNode out = Json.object();
            out.set("Tags", Json.strings(ctx.tags().tags(c, taggable(c, request, resource).arn())));
            return ApiResponse.json(200, out);
        });
    }

    /** The resource ARN, which must pass the front end together with the operation's other members. */
    private static String resource(ApiRequest request, Violations members) {
        String arn = request.path("arn");
        new Violations().string("resource", arn, Validation.TAGGABLE_RESOURCE).addAll(members).check();
        return arn;
    }

    /** What a TagResource, UntagResource or ListTags names: its ARN, and the function when it is one. */
    private record Tagged(String arn, FunctionRef function) {}

    /**
     * The mapping, code signing config or function a taggable ARN names (test_tag_exceptions, test_tag_versions): a
     * function, not a version or alias, and it must exist. The other taggable kinds the emulator does not keep are
     * not found.
     */
    private Tagged taggable(Connection c, ApiRequest request, String arn) throws SQLException {
        String other = others.existing(c, request.scope(), arn);
        if (other != null) {
            return new Tagged(other, null);
        }
        String type = arn.split(":")[5];
        if (!type.equals("function")) {
            throw ApiException.notFound(switch (type) {
                case "capacity-provider" -> "Capacity provider not found: " + arn;
                default -> "Resource not found: " + arn;
            });
        }
        FunctionRef ref = FunctionRef.parse(arn, null, request.scope());
        if (ref.qualifier() != null) {
            throw ApiException.invalidParameter("Tags on function aliases and versions are not supported. Please"
                    + " specify a function ARN.");
        }
        lookup.latest(c, ref);
        return new Tagged(ref.arn(), ref);
    }

    /** A tag change is a change of the function: its revision moves on (TestLambdaTags::test_tag_lifecycle). */
    private void changed(Connection c, Tagged tagged) throws SQLException {
        FunctionRef function = tagged.function();
        if (function == null) {
            return;
        }
        ctx.functions().setRevision(c, function.scope(), function.name(), VersionRow.LATEST, Ids.uuid());
    }
}
