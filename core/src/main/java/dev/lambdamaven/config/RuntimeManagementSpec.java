package dev.lambdamaven.config;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * When Lambda moves the function to a new runtime version ({@code Auto}, Lambda's default; {@code FunctionUpdate}),
 * or the version it stays on ({@code Manual} with a runtime version ARN), as PutRuntimeManagementConfig takes it.
 */
public record RuntimeManagementSpec(String updateRuntimeOn, String runtimeVersionArn) {

    public static final Set<String> MODES = Set.of("Auto", "FunctionUpdate", "Manual");
    public static final RuntimeManagementSpec AUTO = new RuntimeManagementSpec("Auto", null);
    // API reference, PutRuntimeManagementConfig: RuntimeVersionArn, 26 to 2048 characters
    private static final Pattern RUNTIME_VERSION_ARN = Pattern.compile(
            "arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}::runtime:.+");

    public RuntimeManagementSpec {
        if (updateRuntimeOn == null && runtimeVersionArn != null) {
            throw new InvalidSpecException("runtimeUpdateMode", null, "a <runtimeVersionArn> needs"
                    + " <runtimeUpdateMode>Manual</runtimeUpdateMode>");
        }
        if (!MODES.contains(updateRuntimeOn)) {
            throw new InvalidSpecException("runtimeUpdateMode", updateRuntimeOn, "use Auto (Lambda's default),"
                    + " FunctionUpdate or Manual");
        }
        if (updateRuntimeOn.equals("Manual") != (runtimeVersionArn != null)) {
            throw new InvalidSpecException("runtimeVersionArn", runtimeVersionArn, updateRuntimeOn.equals("Manual")
                    ? "Manual needs the runtime version to stay on: set <runtimeVersionArn> (the function's"
                            + " RuntimeVersionConfig in aws lambda get-function-configuration)"
                    : "a runtime version is kept only with <runtimeUpdateMode>Manual</runtimeUpdateMode>");
        }
        if (runtimeVersionArn != null && (runtimeVersionArn.length() < 26 || runtimeVersionArn.length() > 2048
                || !RUNTIME_VERSION_ARN.matcher(runtimeVersionArn).matches())) {
            throw new InvalidSpecException("runtimeVersionArn", runtimeVersionArn, "use a runtime version ARN,"
                    + " arn:aws:lambda:<region>::runtime:<id>");
        }
    }

    /** The pom's two elements; {@code null} when neither is set. */
    public static RuntimeManagementSpec of(String updateRuntimeOn, String runtimeVersionArn) {
        return updateRuntimeOn == null && runtimeVersionArn == null ? null
                : new RuntimeManagementSpec(updateRuntimeOn, runtimeVersionArn);
    }

    @Override
    public String toString() {
        return runtimeVersionArn == null ? updateRuntimeOn : updateRuntimeOn + " (" + runtimeVersionArn + ")";
    }
}
