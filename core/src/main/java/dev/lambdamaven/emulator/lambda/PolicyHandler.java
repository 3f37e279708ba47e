package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.PolicyStore;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AddPermission, RemovePermission and GetPolicy: the resource-based policy of a function, a version or an alias
 * (never {@code $LATEST}). A change gives the policy a new revision id and the function (or alias) the same one,
 * as on AWS; a caller's {@code RevisionId} is compared with the policy's, or with the function's (alias's) while
 * there is no policy.
 */
final class PolicyHandler {

    /** AWS's limit on a function's policy document. */
    static final int MAX_POLICY_BYTES = 20_480;
    private static final String NO_RESOURCE = "The resource you requested does not exist.";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern IAM_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:(iam|sts)::\\d{12}:\\S+");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.(amazonaws\\.com(\\.cn)?|amazon\\.com)");

    private final LambdaContext ctx;
    private final FunctionTargets targets;

    PolicyHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.targets = new FunctionTargets(ctx);
    }

    ApiResponse add(ApiRequest request) {
        FunctionRef ref = FunctionTargets.parse(request, FunctionTargets.NUMERIC_LATEST_PUBLISHED_OR_ALIAS);
        ObjectNode body = request.json(LambdaShapes.ADD_PERMISSION);
        String sid = body.path("StatementId").asText(null);
        String action = body.path("Action").asText(null);
        String principal = body.path("Principal").asText(null);
        String sourceArn = body.path("SourceArn").asText(null);
        String sourceAccount = body.path("SourceAccount").asText(null);
        String token = body.path("EventSourceToken").asText(null);
        String organization = body.path("PrincipalOrgID").asText(null);
        String urlAuthType = body.path("FunctionUrlAuthType").asText(null);
        new Constraints()
                .required(sid, "statementId").length(sid, "statementId", 1, 100)
                .pattern(sid, "statementId", "([a-zA-Z0-9-_]+)")
                .required(action, "action").pattern(action, "action", "(lambda:[*]|lambda:[a-zA-Z]+|[*])")
                .required(principal, "principal").pattern(principal, "principal", "[^\\s]+")
                .pattern(sourceArn, "sourceArn", "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:"
                        + "(\\d{12})?:(.*)")
                .length(sourceAccount, "sourceAccount", 0, 12).pattern(sourceAccount, "sourceAccount", "\\d{12}")
                .length(token, "eventSourceToken", 0, 256).pattern(token, "eventSourceToken", "[a-zA-Z0-9._\\-]+")
                .length(organization, "principalOrgID", 12, 34)
                .pattern(organization, "principalOrgID", "o-[a-z0-9]{10,32}")
                .oneOf(urlAuthType, "functionUrlAuthType", List.of("NONE", "AWS_IAM"))
                .check();
        if (FunctionTargets.kindOf(ref) == FunctionTargets.Kind.LATEST) {
            throw ApiException.invalidParameter("We currently do not support adding policies for $LATEST.");
        }
        if (urlAuthType != null && !action.equals("lambda:InvokeFunctionUrl")) {
            throw ApiException.invalidParameter("FunctionUrlAuthType is only supported for lambda:InvokeFunctionUrl"
                    + " action");
        }
        ObjectNode statement = Json.object();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.set("Principal", principal(principal, ref.scope()));
        statement.put("Action", action);
        statement.put("Resource", ref.qualifiedArn());
        ObjectNode condition = Json.object();
        putCondition(condition, "StringEquals", "AWS:SourceAccount", sourceAccount);
        putCondition(condition, "StringEquals", "lambda:FunctionUrlAuthType", urlAuthType);
        putCondition(condition, "StringEquals", "aws:PrincipalOrgID", organization);
        putCondition(condition, "StringEquals", "lambda:EventSourceToken", token);
        putCondition(condition, "ArnLike", "AWS:SourceArn", sourceArn);
        if (body.path("InvokedViaFunctionUrl").asBoolean(false)) {
            putCondition(condition, "Bool", "lambda:InvokedViaFunctionUrl", "true");
        }
        if (!condition.isEmpty()) {
            statement.set("Condition", condition);
        }
        String expectedRevision = body.path("RevisionId").asText(null);
        ctx.db().write(c -> {
            long now = ctx.now();
            FunctionTargets.Target target = targets.find(c, ref);
            if (!target.exists()) {
                throw target.notFound();
            }
            Optional<PolicyStore.Policy> current = ctx.policies().find(c, ref.scope(), ref.name(), target.key());
            FunctionLookup.checkRevision(expectedRevision, current.map(PolicyStore.Policy::revision)
                    .orElseGet(() -> targets.revision(target, now)), "GetPolicy");
            ObjectNode document = current.map(PolicyStore.Policy::document).orElseGet(PolicyHandler::emptyDocument);
            for (JsonNode existing : document.path("Statement")) {
                if (existing.path("Sid").asText().equals(sid)) {
                    throw ApiException.conflict("The statement id (" + sid + ") provided already exists. Please"
                            + " provide a new statement id, or remove the existing statement.");
                }
            }
            ((ArrayNode) document.get("Statement")).add(statement);
            int size = Json.bytes(document).length;
            if (size > MAX_POLICY_BYTES) {
                throw new ApiException(400, "PolicyLengthExceededException", "The final policy size (" + size
                        + ") is bigger than the limit (" + MAX_POLICY_BYTES + ").");
            }
            ctx.policies().put(c, ref.scope(), ref.name(), target.key(),
                    new PolicyStore.Policy(document, targets.touch(c, target, now)));
            return null;
        });
        ObjectNode out = Json.object();
        out.put("Statement", Json.text(statement));
        return ApiResponse.json(201, out);
    }

    ApiResponse get(ApiRequest request) {
        FunctionRef ref = FunctionTargets.parse(request, FunctionTargets.NUMERIC_LATEST_PUBLISHED_OR_ALIAS);
        return ctx.db().read(c -> {
            FunctionTargets.Target target = targets.find(c, ref);
            PolicyStore.Policy policy = (target.exists() ? ctx.policies().find(c, ref.scope(), ref.name(),
                    target.key()) : Optional.<PolicyStore.Policy>empty())
                    .orElseThrow(() -> ApiException.notFound(NO_RESOURCE));
            ObjectNode out = Json.object();
            out.put("Policy", Json.text(policy.document()));
            out.put("RevisionId", policy.revision());
            return ApiResponse.json(200, out);
        });
    }

    ApiResponse remove(ApiRequest request) {
        FunctionRef ref = FunctionTargets.parse(request, FunctionTargets.NUMERIC_LATEST_PUBLISHED_OR_ALIAS);
        String sid = request.path("sid");
        new Constraints().length(sid, "statementId", 1, 100).pattern(sid, "statementId", "([a-zA-Z0-9-_.]+)").check();
        String expectedRevision = request.query("RevisionId");
        ctx.db().write(c -> {
            long now = ctx.now();
            FunctionTargets.Target target = targets.find(c, ref);
            if (target.missing() == FunctionTargets.Missing.FUNCTION) {
                throw ApiException.notFound("No policy found for: " + ref.qualifiedArn());
            }
            if (!target.exists()) {
                throw target.notFound();
            }
            PolicyStore.Policy policy = ctx.policies().find(c, ref.scope(), ref.name(), target.key())
                    .orElseThrow(() -> ApiException.notFound("No policy is associated with the given resource."));
            FunctionLookup.checkRevision(expectedRevision, policy.revision(), "GetPolicy");
            ArrayNode statements = (ArrayNode) policy.document().get("Statement");
            int index = indexOf(statements, sid);
            if (index < 0) {
                throw ApiException.notFound("Statement " + sid + " is not found in resource policy.");
            }
            statements.remove(index);
            String revision = targets.touch(c, target, now);
            if (statements.isEmpty()) {
                ctx.policies().delete(c, ref.scope(), ref.name(), target.key());
            } else {
                ctx.policies().put(c, ref.scope(), ref.name(), target.key(),
                        new PolicyStore.Policy(policy.document(), revision));
            }
            return null;
        });
        return ApiResponse.empty(204);
    }

    private static int indexOf(ArrayNode statements, String sid) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).path("Sid").asText().equals(sid)) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode emptyDocument() {
        ObjectNode document = Json.object();
        document.put("Version", "2012-10-17");
        document.put("Id", "default");
        document.putArray("Statement");
        return document;
    }

    /** A principal as the statement names it: {@code *}, an account's root, an IAM ARN or a service. */
    private static JsonNode principal(String principal, Scope scope) {
        if (principal.equals("*")) {
            return TextNode.valueOf("*");
        }
        ObjectNode out = Json.object();
        if (ACCOUNT.matcher(principal).matches()) {
            return out.put("AWS", "arn:" + scope.partition() + ":iam::" + principal + ":root");
        }
        if (IAM_ARN.matcher(principal).matches()) {
            return out.put("AWS", principal);
        }
        if (SERVICE.matcher(principal).matches()) {
            return out.put("Service", principal);
        }
        throw ApiException.invalidParameter("The provided principal was invalid. Please check the principal and try"
                + " again.");
    }

    private static void putCondition(ObjectNode condition, String operator, String key, String value) {
        if (value != null) {
            ObjectNode block = condition.has(operator) ? (ObjectNode) condition.get(operator)
                    : condition.putObject(operator);
            block.put(key, value);
        }
    }
}
