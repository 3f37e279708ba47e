package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.ApiException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** AWS Lambda's input limits, with the messages AWS answers when one is broken. */
public final class Validation {

    static final Set<String> SUPPORTED_RUNTIMES = Set.of("java8.al2", "java11", "java17", "java21", "java25",
            "nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x", "python3.9", "python3.10", "python3.11",
            "python3.12", "python3.13", "python3.14", "ruby3.2", "ruby3.3", "ruby3.4", "dotnet8", "dotnet10",
            "provided.al2", "provided.al2023");
    /** Runtimes that exist in the API's enum but can no longer be used to create or update functions. */
    static final Set<String> DEPRECATED_RUNTIMES = Set.of("nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10",
            "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "java8", "python2.7",
            "python3.6", "python3.7", "python3.8", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1",
            "dotnetcore3.1", "dotnet6", "dotnet7", "ruby2.5", "ruby2.7", "go1.x", "provided");
    static final Set<String> RESERVED_ENV_KEYS = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    static final String ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    private static final Pattern ROLE = Pattern.compile(ROLE_PATTERN);
    private static final Pattern HANDLER = Pattern.compile("[^\\s]+");
    static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9-_]+");
    static final Pattern ALIAS_NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    static final Pattern LAYER_NAME = Pattern.compile("[a-zA-Z0-9-_]+");

    private Validation() {}

    public static void functionNameForCreate(String name) {
        if (name == null) {
            throw missing("FunctionName");
        }
        if (name.length() > 64 || name.isEmpty()) {
            throw ApiException.validation(name, "functionName", "Member must have length less than or equal to 64");
        }
        if (!FUNCTION_NAME.matcher(name).matches()) {
            throw ApiException.validation(name, "functionName", "Member must satisfy regular expression pattern: "
                    + "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
                    + "([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
    }

    public static void role(String role) {
        if (role == null) {
            throw missing("Role");
        }
        if (!ROLE.matcher(role).matches()) {
            throw ApiException.validation(role, "role", "Member must satisfy regular expression pattern: "
                    + ROLE_PATTERN);
        }
    }

    public static void handler(String handler) {
        if (handler.length() > 128) {
            throw ApiException.validation(handler, "handler", "Member must have length less than or equal to 128");
        }
        if (!HANDLER.matcher(handler).matches()) {
            throw ApiException.validation(handler, "handler", "Member must satisfy regular expression pattern: "
                    + "[^\\s]+");
        }
    }

    public static void runtime(String runtime) {
        if (DEPRECATED_RUNTIMES.contains(runtime)) {
            throw ApiException.invalidParameter("The runtime parameter of " + runtime + " is no longer supported"
                    + " for creating or updating AWS Lambda functions. We recommend you use a supported runtime"
                    + " while creating or updating functions.");
        }
        if (!SUPPORTED_RUNTIMES.contains(runtime)) {
            Set<String> all = new TreeSet<>(SUPPORTED_RUNTIMES);
            all.addAll(DEPRECATED_RUNTIMES);
            throw ApiException.validation(runtime, "runtime", "Member must satisfy enum value set: " + all);
        }
    }

    public static void range(int value, String field, int min, int max) {
        if (value < min) {
            throw ApiException.validation(Integer.toString(value), field,
                    "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw ApiException.validation(Integer.toString(value), field,
                    "Member must have value less than or equal to " + max);
        }
    }

    public static void maxLength(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.validation(value, field, "Member must have length less than or equal to " + max);
        }
    }

    public static ApiException missing(String field) {
        return ApiException.invalidParameter(field + " is required");
    }

    public static void aliasName(String name) {
        if (name == null) {
            throw missing("Name");
        }
        if (name.isEmpty() || name.length() > 128) {
            throw ApiException.validation(name, "name", "Member must have length less than or equal to 128");
        }
        if (!ALIAS_NAME.matcher(name).matches()) {
            throw ApiException.validation(name, "name", "Member must satisfy regular expression pattern: "
                    + "(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        }
    }

    public static void layerName(String name) {
        if (name.isEmpty() || name.length() > 140 || !LAYER_NAME.matcher(name).matches()) {
            throw ApiException.validation(name, "layerName", "Member must satisfy regular expression pattern: "
                    + "(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+");
        }
    }
}
