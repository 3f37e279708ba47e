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

    // Validation.NAMESPACED_FUNCTION_NAME (the widest name pattern), with its parts named
    private static final Pattern PARTS = Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?"
            + "((?<region>(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}):)?((?<account>\\d{12}):)?(function:)?"
            + "(?<name>[a-zA-Z0-9-_.]+)(:(?<qualifier>\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?");

    /**
     * The function a name designates, once the name (and {@code qualifierParam}) passed the front end's
     * constraints: a function of another region is 404 (test_get_function_wrong_region), of another account 403
     * (test_function_arns), a qualifier in the name that differs from the parameter 400
     * (test_ops_with_arn_qualifier_mismatch).
     */
    public static FunctionRef parse(String raw, String qualifierParam, Scope scope) {
        Matcher m = PARTS.matcher(raw);
        if (!m.matches()) { // a caller that did not check the name first: the widest rule's answer
            new Violations().string("functionName", raw, Validation.NAMESPACED_FUNCTION_NAME).check();
        }
        String region = m.group("region");
        String account = m.group("account");
        if (region != null && !region.equals(scope.region())) {
            throw ApiException.notFound("Functions from '" + region + "' are not reachable in this region ('"
                    + scope.region() + "')");
        }
        if (account != null && !account.equals(scope.account())) {
            throw new ApiException(403, "AccessDeniedException", "User is not authorized to access function "
                    + raw + " in account " + account);
        }
        String derived = m.group("qualifier");
        String qualifier = qualifierParam == null || qualifierParam.isEmpty() ? null : qualifierParam;
        if (derived != null && qualifier != null && !derived.equals(qualifier)) {
            throw ApiException.invalidParameter(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        return new FunctionRef(scope, m.group("name"), derived != null ? derived : qualifier);
    }

    public FunctionRef withQualifier(String newQualifier) {
        return new FunctionRef(scope, name, newQualifier);
    }

    public boolean isVersionNumber() {
        return qualifier != null && qualifier.matches("\\d+");
    }

    public boolean isLatest() {
        return qualifier == null || qualifier.equals("$LATEST");
    }

    /** A qualifier shaped as an alias name (a version number and {@code $LATEST} are not). */
    public boolean isAlias() {
        return qualifier != null && Validation.ALIAS_NAME.matcher(qualifier).matches();
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
