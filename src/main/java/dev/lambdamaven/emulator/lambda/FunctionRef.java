package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Scope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function named the ways Lambda accepts: {@code name}, {@code name:qualifier}, a partial ARN
 * ({@code 123456789012:function:name}) or a full ARN, with an optional qualifier in the name or separately,
 * in the account and region of the request.
 */
public record FunctionRef(Scope scope, String name, String qualifier) {

    // AWS's FunctionName pattern, split into groups
    private static final Pattern PATTERN = Pattern.compile("^(arn:(aws[a-zA-Z-]*)?:lambda:)?"
            + "([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?$");

    public static FunctionRef parse(String raw, String qualifierParam, Scope scope) {
        if (raw == null || raw.isEmpty() || raw.length() > 170) {
            throw ApiException.validation(String.valueOf(raw), "functionName",
                    "Member must have length less than or equal to 170");
        }
        Matcher m = PATTERN.matcher(raw);
        if (!m.matches()) {
            throw ApiException.validation(raw, "functionName", "Member must satisfy regular expression pattern: "
                    + "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
                    + "([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
        String region = m.group(3);
        String account = m.group(5);
        boolean partial = m.group(1) == null && (region != null || account != null || m.group(6) != null);
        if (m.group(1) != null && (region == null || account == null || m.group(6) == null)) {
            throw ApiException.validation(raw, "functionName", "Member must satisfy regular expression pattern:"
                    + " a function name, partial ARN or full ARN");
        }
        if (partial && (account == null || m.group(6) == null)) {
            throw ApiException.validation(raw, "functionName", "Member must satisfy regular expression pattern:"
                    + " a function name, partial ARN or full ARN");
        }
        if (region != null && !region.equals(scope.region() + ":")) {
            throw ApiException.notFound("Functions from '" + region.substring(0, region.length() - 1)
                    + "' are not reachable in this region ('" + scope.region() + "')");
        }
        if (account != null && !account.equals(scope.account() + ":")) {
            throw new ApiException(403, "AccessDeniedException", "User is not authorized to access function "
                    + raw + " in account " + account.substring(0, 12));
        }
        String name = m.group(7);
        if (name.length() > 64) {
            throw ApiException.validation(raw, "functionName", "Member must have length less than or equal to 64");
        }
        String derived = m.group(9);
        String qualifier = qualifierParam == null || qualifierParam.isEmpty() ? null : qualifierParam;
        if (derived != null && qualifier != null && !derived.equals(qualifier)) {
            throw ApiException.invalidParameter(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        if (qualifier != null && !qualifier.matches("\\$LATEST|[a-zA-Z0-9-_]{1,128}")) {
            throw ApiException.validation(qualifier, "qualifier",
                    "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
        }
        return new FunctionRef(scope, name, derived != null ? derived : qualifier);
    }

    public boolean isVersionNumber() {
        return qualifier != null && qualifier.matches("\\d+");
    }

    public boolean isLatest() {
        return qualifier == null || qualifier.equals("$LATEST");
    }

    public boolean isAlias() {
        return qualifier != null && !isLatest() && !isVersionNumber();
    }

    /** The function's unqualified ARN. */
    public String arn() {
        return Arns.function(scope, name);
    }

    /** The ARN as given: with its qualifier, if any. */
    public String qualifiedArn() {
        return Arns.function(scope, name, qualifier);
    }
}
