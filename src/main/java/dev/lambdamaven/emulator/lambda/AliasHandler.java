package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.AliasRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateAlias, GetAlias, UpdateAlias, DeleteAlias and ListAliases, with weighted routing rules. */
final class AliasHandler {

    private final LambdaContext ctx;
    private final FunctionLookup lookup;

    AliasHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.lookup = new FunctionLookup(ctx);
    }

    ApiResponse create(ApiRequest request) {
        FunctionRef ref = lookup.unqualified(request);
        ObjectNode body = request.json(LambdaShapes.CREATE_ALIAS);
        String name = body.path("Name").asText(null);
        Validation.aliasName(name);
        String version = version(body);
        if (version == null) {
            throw Validation.missing("FunctionVersion");
        }
        Map<String, Double> routing = routing(body);
        String description = body.path("Description").asText("");
        Validation.maxLength(description, "description", 256);
        AliasRow row = ctx.db().write(c -> {
            lookup.latest(c, ref);
            if (ctx.aliases().find(c, ref.scope(), ref.name(), name).isPresent()) {
                throw ApiException.conflict("Alias already exists: " + Arns.function(ref.scope(), ref.name(), name));
            }
            checkTargets(c, ref, version, routing);
            AliasRow created = new AliasRow(ref.scope(), ref.name(), name, version, description, routing,
                    Ids.uuid());
            ctx.aliases().put(c, created);
            return created;
        });
        return ApiResponse.json(201, render(row));
    }

    ApiResponse get(ApiRequest request) {
        FunctionRef ref = lookup.unqualified(request);
        String name = request.path("alias");
        return ctx.db().read(c -> ApiResponse.json(200, render(find(c, ref, name))));
    }

    ApiResponse update(ApiRequest request) {
        FunctionRef ref = lookup.unqualified(request);
        String name = request.path("alias");
        ObjectNode body = request.json(LambdaShapes.UPDATE_ALIAS);
        String newVersion = version(body);
        Map<String, Double> newRouting = body.has("RoutingConfig") ? routing(body) : null;
        AliasRow row = ctx.db().write(c -> {
            AliasRow current = find(c, ref, name);
            FunctionLookup.checkRevision(body.path("RevisionId").asText(null), current.revision(), "GetFunction/GetAlias");
            String version = newVersion != null ? newVersion : current.version();
            Map<String, Double> routing = newRouting != null ? newRouting : current.routing();
            String description = body.hasNonNull("Description") ? body.get("Description").asText()
                    : current.description();
            Validation.maxLength(description, "description", 256);
            checkTargets(c, ref, version, routing);
            AliasRow updated = new AliasRow(ref.scope(), ref.name(), name, version, description, routing,
                    Ids.uuid());
            ctx.aliases().put(c, updated);
            return updated;
        });
        return ApiResponse.json(200, render(row));
    }

    ApiResponse delete(ApiRequest request) {
        FunctionRef ref = lookup.unqualified(request);
        String name = request.path("alias");
        ctx.db().write(c -> {
            lookup.latest(c, ref);
            ctx.aliases().delete(c, ref.scope(), ref.name(), name);
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse list(ApiRequest request) {
        FunctionRef ref = lookup.unqualified(request);
        String versionFilter = request.query("FunctionVersion");
        List<JsonNode> items = ctx.db().read(c -> {
            lookup.latest(c, ref);
            List<JsonNode> result = new ArrayList<>();
            for (AliasRow alias : ctx.aliases().list(c, ref.scope(), ref.name())) {
                if (versionFilter == null || versionFilter.equals(alias.version())) {
                    result.add(render(alias));
                }
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "Aliases", 50, 10_000);
        return ApiResponse.json(200, out);
    }

    private AliasRow find(Connection c, FunctionRef function, String name) throws SQLException {
        lookup.latest(c, function);
        return ctx.aliases().find(c, function.scope(), function.name(), name).orElseThrow(() -> ApiException.notFound(
                "Cannot find alias arn: " + Arns.function(function.scope(), function.name(), name)));
    }

    private static String version(ObjectNode body) {
        String version = body.path("FunctionVersion").asText(null);
        if (version != null && !version.matches("\\$LATEST|[0-9]{1,10}")) {
            throw ApiException.validation(version, "functionVersion",
                    "Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)");
        }
        return version;
    }

    private static Map<String, Double> routing(ObjectNode body) {
        JsonNode weights = body.path("RoutingConfig").path("AdditionalVersionWeights");
        Map<String, Double> routing = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = weights.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().matches("[0-9]{1,10}")) {
                throw ApiException.validation(entry.getKey(), "routingConfig.additionalVersionWeights",
                        "Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [0-9]+]");
            }
            double weight = entry.getValue().asDouble();
            if (!entry.getValue().isNumber() || !(weight >= 0.0 && weight <= 1.0)) { // NaN too
                throw ApiException.validation("{" + entry.getKey() + "=" + weight + "}",
                        "routingConfig.additionalVersionWeights",
                        "Map value must satisfy constraint: [Member must have value less than or equal to 1.0,"
                                + " Member must have value greater than or equal to 0.0, Member must not be null]");
            }
            routing.put(entry.getKey(), weight);
        }
        if (routing.size() > 1) { // AWS's answer, recorded in LocalStack's test_notfound_and_invalid_routingconfigs
            throw ApiException.invalidParameter("Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        return routing;
    }

    private void checkTargets(Connection c, FunctionRef function, String version, Map<String, Double> routing)
            throws SQLException {
        if (!version.equals("$LATEST")
                && ctx.functions().version(c, function.scope(), function.name(), version).isEmpty()) {
            throw FunctionLookup.notFound(function.scope(), function.name(), version);
        }
        if (routing.isEmpty()) {
            return;
        }
        if (version.equals("$LATEST")) {
            throw ApiException.invalidParameter("$LATEST is not supported for an alias pointing to more than 1"
                    + " version");
        }
        for (String additional : routing.keySet()) {
            if (additional.equals(version)) {
                throw ApiException.invalidParameter("Invalid function version " + additional + ". Function"
                        + " version " + additional + " is already included in routing configuration.");
            }
            if (ctx.functions().version(c, function.scope(), function.name(), additional).isEmpty()) {
                throw FunctionLookup.notFound(function.scope(), function.name(), additional);
            }
        }
    }

    ObjectNode render(AliasRow alias) {
        ObjectNode out = Json.object();
        out.put("AliasArn", Arns.function(alias.scope(), alias.function(), alias.name()));
        out.put("Name", alias.name());
        out.put("FunctionVersion", alias.version());
        out.put("Description", alias.description());
        if (!alias.routing().isEmpty()) {
            ObjectNode weights = out.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            alias.routing().forEach(weights::put);
        }
        out.put("RevisionId", alias.revision());
        return out;
    }
}
