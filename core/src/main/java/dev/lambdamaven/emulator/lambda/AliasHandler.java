package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.AliasRow;
import dev.lambdamaven.emulator.store.VersionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateAlias, GetAlias, UpdateAlias, DeleteAlias and ListAliases, with weighted routing rules. */
final class AliasHandler {

    private final LambdaContext ctx;
    private final FunctionLookup lookup;
    private final ProvisionedPools pools;

    AliasHandler(LambdaContext ctx, ProvisionedPools pools) {
        this.ctx = ctx;
        this.lookup = new FunctionLookup(ctx);
        this.pools = pools;
    }

    ApiResponse create(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.CREATE_ALIAS);
        String name = FunctionSettings.text(body, "Name");
        String version = FunctionSettings.text(body, "FunctionVersion");
        FunctionRef ref = lookup.unqualified(request, members(body)
                .required("name", body.get("Name")).string("name", name, Validation.ALIAS)
                .required("functionVersion", body.get("FunctionVersion")));
        Map<String, Double> routing = routing(body);
        String description = body.path("Description").asText("");
        AliasRow row = ctx.db().write(c -> {
            checkTargets(c, ref, version, routing);
            if (ctx.aliases().find(c, ref.scope(), ref.name(), name).isPresent()) {
                throw ApiException.conflict("Alias already exists: " + aliasArn(ref, name));
            }
            AliasRow created = new AliasRow(ref.scope(), ref.name(), name, version, description, routing,
                    Ids.uuid(), null);
            ctx.aliases().put(c, created);
            return created;
        });
        return ApiResponse.json(201, render(row, row.routing()));
    }

    ApiResponse get(ApiRequest request) {
        String name = request.path("alias");
        FunctionRef ref = lookup.unqualified(request, new Violations().string("name", name, Validation.ALIAS));
        return ctx.db().read(c -> {
            lookup.latest(c, ref);
            AliasRow alias = ctx.aliases().find(c, ref.scope(), ref.name(), name).orElseThrow(
                    () -> ApiException.notFound("Cannot find alias arn: " + aliasArn(ref, name)));
            return ApiResponse.json(200, render(alias, pools.shown(c, alias)));
        });
    }

    ApiResponse update(ApiRequest request) {
        String name = request.path("alias");
        ObjectNode body = request.json(LambdaShapes.UPDATE_ALIAS);
        FunctionRef ref = lookup.unqualified(request, members(body).string("name", name, Validation.ALIAS));
        String newVersion = FunctionSettings.text(body, "FunctionVersion");
        Map<String, Double> newRouting = body.has("RoutingConfig") ? routing(body) : null;
        AliasRow row = ctx.db().write(c -> {
            lookup.latest(c, ref);
            // test_non_existent_alias_update
            AliasRow current = ctx.aliases().find(c, ref.scope(), ref.name(), name).orElseThrow(
                    () -> ApiException.notFound("Alias not found: " + aliasArn(ref, name)));
            FunctionLookup.checkRevision(body.path("RevisionId").asText(null), current.revision(),
                    FunctionLookup.REVISION_SOURCE);
            String version = newVersion != null ? newVersion : current.version();
            Map<String, Double> routing = newRouting != null ? newRouting : current.routing();
            String description = body.hasNonNull("Description") ? body.get("Description").asText()
                    : current.description();
            checkTargets(c, ref, version, routing);
            AliasRow updated = new AliasRow(ref.scope(), ref.name(), name, version, description, routing,
                    Ids.uuid(), warming(c, current, version, routing));
            ctx.aliases().put(c, updated);
            return updated;
        });
        // the answer has the weights asked for; a read shows the transition's (recorded on AWS:
        // test_lambda_provisioned_concurrency_moves_with_alias answers no RoutingConfig for the move)
        return ApiResponse.json(200, render(row, row.routing()));
    }

    /** DeleteAlias; an alias that does not exist is no error (test_non_existent_alias_deletion). */
    ApiResponse delete(ApiRequest request) {
        String name = request.path("alias");
        FunctionRef ref = lookup.unqualified(request, new Violations().string("name", name, Validation.ALIAS));
        ctx.db().write(c -> {
            lookup.latest(c, ref);
            ctx.aliases().delete(c, ref.scope(), ref.name(), name);
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse list(ApiRequest request) {
        String versionFilter = request.query("FunctionVersion");
        FunctionRef ref = lookup.unqualified(request,
                new Violations().string("functionVersion", versionFilter, Validation.ALIAS_VERSION));
        List<JsonNode> items = ctx.db().read(c -> {
            lookup.latest(c, ref);
            List<JsonNode> result = new ArrayList<>();
            for (AliasRow alias : ctx.aliases().list(c, ref.scope(), ref.name())) {
                if (versionFilter == null || versionFilter.equals(alias.version())) {
                    result.add(render(alias, pools.shown(c, alias)));
                }
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "Aliases", 50, 10_000);
        return ApiResponse.json(200, out);
    }

    /**
     * The version that keeps an alias's traffic after this update: with provisioned concurrency, an alias moved to
     * another version (all at once) stays on the version that was serving until the new one's environments are ready.
     */
    private String warming(Connection c, AliasRow current, String version, Map<String, Double> routing)
            throws SQLException {
        if (!routing.isEmpty()
                || ctx.provisioned().find(c, current.scope(), current.function(), current.name()).isEmpty()) {
            return null;
        }
        String serving = pools.warmingUp(c, current) ? current.warming() : current.version();
        return serving.equals(version) ? null : serving;
    }

    private static String aliasArn(FunctionRef function, String name) {
        return Arns.function(function.scope(), function.name(), name);
    }

    /**
     * The front end's constraints on CreateAlias' and UpdateAlias' members (test_notfound_and_invalid_routingconfigs:
     * the weights map is shown whole, as {@code {2=2.0}}).
     */
    private static Violations members(ObjectNode body) {
        JsonNode weights = body.path("RoutingConfig").path("AdditionalVersionWeights");
        Violations v = new Violations()
                .string("functionVersion", FunctionSettings.text(body, "FunctionVersion"), Validation.ALIAS_VERSION)
                .string("description", FunctionSettings.text(body, "Description"), Validation.DESCRIPTION);
        for (Map.Entry<String, JsonNode> entry : weights.properties()) {
            if (!Validation.ADDITIONAL_VERSION.accepts(entry.getKey())) {
                v.add(weights, "routingConfig.additionalVersionWeights", "Map keys must satisfy constraint: "
                        + Validation.ADDITIONAL_VERSION.described(false));
                break;
            }
        }
        for (JsonNode weight : weights) {
            double value = weight.asDouble();
            if (!weight.isNumber() || !(value >= 0.0 && value <= 1.0)) { // NaN too
                v.add(weights, "routingConfig.additionalVersionWeights", "Map value must satisfy constraint: [Member"
                        + " must have value less than or equal to 1.0, Member must have value greater than or equal"
                        + " to 0.0, Member must not be null]");
                break;
            }
        }
        return v;
    }

    /** The weights, which passed {@link #members}: one additional version at most. */
    private static Map<String, Double> routing(ObjectNode body) {
        Map<String, Double> routing = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.path("RoutingConfig").path("AdditionalVersionWeights")
                .properties()) {
            routing.put(entry.getKey(), entry.getValue().asDouble());
        }
        if (routing.size() > 1) { // test_notfound_and_invalid_routingconfigs
            throw ApiException.invalidParameter("Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        return routing;
    }

    /**
     * The versions an alias points at, in the order AWS checks them (test_notfound_and_invalid_routingconfigs): no
     * weights on $LATEST, no weight on the alias' own version, then every version must exist; a missing one is named
     * by its ARN, also when the function is missing.
     */
    private void checkTargets(Connection c, FunctionRef function, String version, Map<String, Double> routing)
            throws SQLException {
        if (!routing.isEmpty() && version.equals(VersionRow.LATEST)) {
            // AWS answers this one without a Type (snapshot: test_notfound_and_invalid_routingconfigs)
            throw ApiException.invalidParameter("$LATEST is not supported for an alias pointing to more than 1"
                    + " version").withoutFaultType();
        }
        if (routing.containsKey(version)) {
            throw ApiException.invalidParameter("Invalid function version " + version + ". Function version "
                    + version + " is already included in routing configuration.");
        }
        List<String> targets = new ArrayList<>(List.of(version));
        targets.addAll(routing.keySet());
        for (String target : targets) {
            if (ctx.functions().version(c, function.scope(), function.name(), target).isEmpty()) {
                throw FunctionLookup.notFound(function.scope(), function.name(), target);
            }
        }
    }

    /** An alias as AWS answers it, with the weights it {@linkplain ProvisionedPools#shown shows} now. */
    private static ObjectNode render(AliasRow alias, Map<String, Double> routing) {
        ObjectNode out = Json.object();
        out.put("AliasArn", Arns.function(alias.scope(), alias.function(), alias.name()));
        out.put("Name", alias.name());
        out.put("FunctionVersion", alias.version());
        out.put("Description", alias.description());
        if (!routing.isEmpty()) {
            ObjectNode weights = out.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            routing.forEach(weights::put);
        }
        out.put("RevisionId", alias.revision());
        return out;
    }
}
