package dev.lambdamaven.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdamaven.config.PermissionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Resource-based permissions of the function or of one alias: the statements of its policy (GetPolicy) rendered as
 * {@link PermissionSpec#toString()} renders the pom's, by statement id; the changes that bring the plugin's own
 * statements (ids starting with {@link PermissionSpec#SID_PREFIX}) to the pom's, the others that only
 * {@code <authoritative>} removes; and the AddPermission and RemovePermission calls that apply them.
 */
final class Permissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Permissions() {}

    /** The policy's statements by Sid; none when the function (or alias) has no policy. */
    static Map<String, String> read(FunctionCalls calls, String qualifier) {
        String policy;
        try {
            policy = calls.lambda().getPolicy(r -> r.functionName(calls.functionName()).qualifier(qualifier)).policy();
        } catch (ResourceNotFoundException e) {
            return Map.of();
        }
        return statements(policy);
    }

    static Map<String, String> statements(String policy) {
        Map<String, String> statements = new TreeMap<>();
        try {
            for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
                statements.put(statement.path("Sid").asText(), render(statement));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lambda answered GetPolicy with a policy that is not JSON", e);
        }
        return statements;
    }

    /** A statement in the pom's terms: principal, action, source ARN and account, function URL auth type. */
    private static String render(JsonNode statement) {
        JsonNode p = statement.path("Principal");
        String principal = principal(p.isTextual() ? p.asText() : p.has("Service") ? p.path("Service").asText()
                : p.path("AWS").asText());
        JsonNode condition = statement.path("Condition");
        String sourceArn = text(condition.path("ArnLike").path("AWS:SourceArn"));
        String sourceAccount = text(condition.path("StringEquals").path("AWS:SourceAccount"));
        String urlAuth = text(condition.path("StringEquals").path("lambda:FunctionUrlAuthType"));
        String action = statement.path("Action").isArray() ? statement.path("Action").path(0).asText()
                : statement.path("Action").asText();
        return principal + " " + action + (sourceArn == null ? "" : " from " + sourceArn)
                + (sourceAccount == null ? "" : " of account " + sourceAccount)
                + (urlAuth == null ? "" : " with URL auth " + urlAuth);
    }

    /** An account's root ARN as the account id: AWS stores a principal given as either in the ARN form. */
    private static String principal(String principal) {
        return principal.replaceFirst("^arn:aws[a-zA-Z-]*:iam::(\\d{12}):root$", "$1");
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** The plugin's statements added, changed or (dropped from the pom) removed. */
    static List<Change> changes(String name, Map<String, String> deployed, List<PermissionSpec> wanted) {
        Map<String, String> have = deployed == null ? Map.of() : deployed;
        Map<String, String> want = byId(wanted);
        List<Change> changes = new ArrayList<>();
        want.forEach((sid, statement) -> {
            if (!statement.equals(have.get(sid))) {
                changes.add(new Change(name + "." + sid, have.getOrDefault(sid, Change.NONE), statement));
            }
        });
        have.forEach((sid, statement) -> {
            if (ours(sid) && !want.containsKey(sid)) {
                changes.add(new Change(name + "." + sid, statement, Change.NONE));
            }
        });
        return changes;
    }

    /** Statements of others (not the plugin's), which {@code <authoritative>} removes. */
    static List<Change> others(String name, Map<String, String> deployed) {
        List<Change> changes = new ArrayList<>();
        (deployed == null ? Map.<String, String>of() : deployed).forEach((sid, statement) -> {
            if (!ours(sid)) {
                changes.add(new Change(name + "." + sid, statement, Change.NONE));
            }
        });
        return changes;
    }

    /** What {@code <authoritative>} removes besides: the others' statements, and all when the pom has none. */
    static List<Change> resets(String name, Map<String, String> deployed, List<PermissionSpec> wanted) {
        List<Change> changes = new ArrayList<>(wanted == null ? changes(name, deployed, List.of()) : List.of());
        changes.addAll(others(name, deployed));
        return changes;
    }

    /** Removes what differs or was dropped (and, authoritative, the others' statements), then adds what is new. */
    static void apply(FunctionCalls calls, String qualifier, List<PermissionSpec> wanted, Map<String, String> deployed,
                      boolean authoritative) {
        Map<String, String> have = deployed == null ? Map.of() : deployed;
        Map<String, String> want = byId(wanted == null ? List.of() : wanted);
        String where = calls.functionName() + (qualifier == null ? "" : ":" + qualifier);
        have.forEach((sid, statement) -> {
            boolean drop = ours(sid) ? !statement.equals(want.get(sid)) : authoritative;
            if (drop) {
                calls.call("RemovePermission", () -> calls.lambda().removePermission(r -> r
                        .functionName(calls.functionName()).qualifier(qualifier).statementId(sid)));
                calls.log().info("Removed permission " + sid + " from " + where);
            }
        });
        for (PermissionSpec p : wanted == null ? List.<PermissionSpec>of() : wanted) {
            if (!render(p).equals(have.get(p.sid()))) {
                calls.call("AddPermission", () -> calls.lambda().addPermission(r -> r.functionName(calls.functionName())
                        .qualifier(qualifier).statementId(p.sid()).principal(p.principal()).action(p.action())
                        .sourceArn(p.sourceArn()).sourceAccount(p.sourceAccount())
                        .functionUrlAuthType(p.functionUrlAuthType())));
                calls.log().info("Permission " + p.sid() + " on " + where + ": " + p);
            }
        }
    }

    private static String render(PermissionSpec p) {
        String given = p.toString();
        String principal = principal(p.principal());
        return principal.equals(p.principal()) ? given : principal + given.substring(p.principal().length());
    }

    private static boolean ours(String sid) {
        return sid.startsWith(PermissionSpec.SID_PREFIX);
    }

    private static Map<String, String> byId(List<PermissionSpec> permissions) {
        Map<String, String> byId = new TreeMap<>();
        permissions.forEach(p -> byId.put(p.sid(), render(p)));
        return byId;
    }
}
