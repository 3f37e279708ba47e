package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.store.LayerVersionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Add/Get/RemoveLayerVersionPermission: a resource policy granting {@code lambda:GetLayerVersion}. */
final class LayerPolicyHandler {

    private final LambdaContext ctx;

    LayerPolicyHandler(LambdaContext ctx) {
        this.ctx = ctx;
    }

    ApiResponse add(ApiRequest request) {
        Scope scope = request.scope();
        ObjectNode body = request.json(LambdaShapes.ADD_LAYER_VERSION_PERMISSION);
        String sid = FunctionSettings.text(body, "StatementId");
        String principal = FunctionSettings.text(body, "Principal");
        String organization = FunctionSettings.text(body, "OrganizationId");
        // test_layer_policy_exceptions
        String name = LayerHandler.layerName(request, new Violations()
                .required("statementId", sid).string("statementId", sid, Validation.STATEMENT_ID)
                .required("action", body.get("Action"))
                .string("action", FunctionSettings.text(body, "Action"), Validation.LAYER_ACTION)
                .required("principal", principal).string("principal", principal, Validation.LAYER_PRINCIPAL)
                .string("organizationId", organization, Validation.ORGANIZATION_ID));
        long version = LayerHandler.versionNumber(request);
        ObjectNode statement = Json.object();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        if (principal.equals("*")) {
            statement.put("Principal", "*");
        } else {
            String account = principal.length() == 12 ? principal : principal.split(":")[4];
            statement.putObject("Principal").put("AWS", "arn:" + scope.partition() + ":iam::" + account + ":root");
        }
        statement.put("Action", "lambda:GetLayerVersion");
        statement.put("Resource", Arns.layerVersion(scope, name, version));
        if (organization != null) {
            statement.putObject("Condition").putObject("StringEquals").put("aws:PrincipalOrgID", organization);
        }
        String revision = ctx.db().write(c -> {
            LayerVersionRow row = existing(c, scope, name, version);
            FunctionLookup.checkRevision(body.path("RevisionId").asText(request.query("RevisionId")),
                    row.policyRevision(), REVISION_SOURCE);
            if (ctx.layers().statements(c, scope, name, version).containsKey(sid)) {
                throw ApiException.conflict("The statement id (" + sid + ") provided already exists. Please provide"
                        + " a new statement id, or remove the existing statement.");
            }
            ctx.layers().putStatement(c, scope, name, version, sid, Json.text(statement));
            String next = Ids.uuid();
            ctx.layers().setPolicyRevision(c, scope, name, version, next);
            return next;
        });
        ObjectNode out = Json.object();
        out.put("Statement", Json.text(statement));
        out.put("RevisionId", revision);
        return ApiResponse.json(201, out);
    }

    ApiResponse get(ApiRequest request) {
        Scope scope = request.scope();
        String name = LayerHandler.layerName(request, new Violations());
        long version = LayerHandler.versionNumber(request);
        return ctx.db().read(c -> {
            LayerVersionRow row = existing(c, scope, name, version);
            Map<String, String> statements = ctx.layers().statements(c, scope, name, version);
            if (statements.isEmpty()) {
                throw ApiException.notFound("No policy is associated with the given resource.");
            }
            ObjectNode policy = Json.object();
            policy.put("Version", "2012-10-17");
            policy.put("Id", "default");
            ArrayNode list = policy.putArray("Statement");
            for (String statement : statements.values()) {
                list.add(Json.parseObject(statement));
            }
            ObjectNode out = Json.object();
            out.put("Policy", Json.text(policy));
            out.put("RevisionId", row.policyRevision());
            return ApiResponse.json(200, out);
        });
    }

    ApiResponse remove(ApiRequest request) {
        Scope scope = request.scope();
        String sid = request.path("sid");
        String name = LayerHandler.layerName(request,
                new Violations().string("statementId", sid, Validation.STATEMENT_ID));
        long version = LayerHandler.versionNumber(request);
        ctx.db().write(c -> {
            LayerVersionRow row = existing(c, scope, name, version);
            FunctionLookup.checkRevision(request.query("RevisionId"), row.policyRevision(), REVISION_SOURCE);
            if (!ctx.layers().statements(c, scope, name, version).containsKey(sid)) {
                throw ApiException.notFound("Statement " + sid + " is not found in resource policy.");
            }
            ctx.layers().removeStatement(c, scope, name, version, sid);
            ctx.layers().setPolicyRevision(c, scope, name, version, Ids.uuid());
            return null;
        });
        return ApiResponse.empty(204);
    }

    /** The API AWS names for a layer policy's revision (test_layer_policy_exceptions). */
    private static final String REVISION_SOURCE = "GetLayerPolicy";

    /** A layer version whose policy is asked for; AWS names a missing one (test_layer_policy_exceptions). */
    private LayerVersionRow existing(Connection c, Scope scope, String name, long version) throws SQLException {
        return ctx.layers().version(c, scope, name, version).orElseThrow(() -> ApiException.notFound(
                "Layer version " + Arns.layerVersion(scope, name, version) + " does not exist."));
    }

    /**
     * Whether a layer version's statements let {@code account} use it: a statement for everyone or for that
     * account. The emulator knows no organizations: a statement limited to one is taken to include every account.
     */
    static boolean grants(Map<String, String> statements, String account) {
        for (String text : statements.values()) {
            JsonNode principal = Json.parseObject(text).path("Principal");
            if (principal.asText("").equals("*") || principal.path("AWS").asText("").endsWith(":" + account + ":root")) {
                return true;
            }
        }
        return false;
    }

    /** AWS's answer when a layer version of another account is not shared with the caller (or does not exist). */
    static ApiException notShared(Scope caller, String layerVersionArn) {
        return new ApiException(403, "AccessDeniedException", "User: arn:" + caller.partition() + ":iam::"
                + caller.account() + ":root is not authorized to perform: lambda:GetLayerVersion on resource: "
                + layerVersionArn + " because no resource-based policy allows the lambda:GetLayerVersion action");
    }
}
