package dev.lambdamaven.config;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One statement of a resource-based policy (AddPermission), on the function or on the alias ({@code onAlias}: what a
 * function URL of the alias needs). The plugin writes it with the statement id {@link #SID_PREFIX} +
 * {@code statementId} and takes every statement whose id starts with that prefix as its own: one dropped from the pom
 * is removed; others are left alone unless {@code <authoritative>}. Patterns are those of the API reference
 * (AddPermission), with room for the prefix in the id's 100 characters.
 */
public record PermissionSpec(String statementId, String principal, String action, String sourceArn,
                             String sourceAccount, String functionUrlAuthType, boolean onAlias) {

    public static final String SID_PREFIX = "maven-";
    public static final String DEFAULT_ACTION = "lambda:InvokeFunction";
    public static final Set<String> URL_AUTH_TYPES = Set.of("AWS_IAM", "NONE");
    private static final Pattern STATEMENT_ID = Pattern.compile("[a-zA-Z0-9-_]{1," + (100 - SID_PREFIX.length()) + "}");
    private static final Pattern ACTION = Pattern.compile("lambda:[*]|lambda:[a-zA-Z]+|[*]");
    private static final Pattern PRINCIPAL = Pattern.compile("[^\\s]+");
    private static final Pattern SOURCE_ARN = Pattern.compile(
            "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public PermissionSpec {
        String element = "permissions/permission" + (statementId == null ? "" : "[" + statementId + "]");
        if (statementId == null || !STATEMENT_ID.matcher(statementId).matches()) {
            throw new InvalidSpecException(element + "/statementId", statementId, "use 1 to "
                    + (100 - SID_PREFIX.length()) + " letters, digits, - or _ (the plugin writes it as " + SID_PREFIX
                    + "<statementId>)");
        }
        if (principal == null || !PRINCIPAL.matcher(principal).matches()) {
            throw new InvalidSpecException(element + "/principal", principal, "name who may invoke: a service"
                    + " (s3.amazonaws.com), a 12-digit account, an IAM ARN, or * (with <functionUrlAuthType>NONE)");
        }
        action = action == null || action.isBlank() ? (functionUrlAuthType != null ? "lambda:InvokeFunctionUrl"
                : DEFAULT_ACTION) : action;
        if (!ACTION.matcher(action).matches()) {
            throw new InvalidSpecException(element + "/action", action, "use a Lambda action such as"
                    + " lambda:InvokeFunction or lambda:InvokeFunctionUrl");
        }
        if (sourceArn != null && !SOURCE_ARN.matcher(sourceArn).matches()) {
            throw new InvalidSpecException(element + "/sourceArn", sourceArn, "use the ARN of the resource that"
                    + " invokes, such as arn:aws:s3:::orders-uploads");
        }
        if (sourceAccount != null && !ACCOUNT.matcher(sourceAccount).matches()) {
            throw new InvalidSpecException(element + "/sourceAccount", sourceAccount, "use a 12-digit account id");
        }
        if (functionUrlAuthType != null && !URL_AUTH_TYPES.contains(functionUrlAuthType)) {
            throw new InvalidSpecException(element + "/functionUrlAuthType", functionUrlAuthType,
                    "use AWS_IAM or NONE, as the function URL's <authType>");
        }
        if (functionUrlAuthType != null && !action.equals("lambda:InvokeFunctionUrl")) {
            // AddPermission's own rule: "FunctionUrlAuthType is only supported for lambda:InvokeFunctionUrl action"
            throw new InvalidSpecException(element + "/action", action, "a <functionUrlAuthType> goes with the action"
                    + " lambda:InvokeFunctionUrl");
        }
    }

    /** The statement id written to the policy. */
    public String sid() {
        return SID_PREFIX + statementId;
    }

    @Override
    public String toString() {
        return principal + " " + action + (sourceArn == null ? "" : " from " + sourceArn)
                + (sourceAccount == null ? "" : " of account " + sourceAccount)
                + (functionUrlAuthType == null ? "" : " with URL auth " + functionUrlAuthType);
    }
}
