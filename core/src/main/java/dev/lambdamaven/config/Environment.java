package dev.lambdamaven.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A function's environment: plain values from the pom and secret values resolved from their references.
 * Checked against Lambda's rules before anything is sent: key syntax, reserved keys, 4 KB in total.
 * Its toString shows secret values as {@code ****}.
 */
public record Environment(Map<String, String> plain, Map<String, SecretValue> secrets) {

    /** Lambda's limit on the total size of a function's variables (keys and values). */
    public static final int MAX_BYTES = 4096;

    /** Keys that the Lambda runtime sets itself and that a function may not define. */
    public static final Set<String> RESERVED_KEYS = Set.of(
            "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");

    public static final Environment EMPTY = new Environment(Map.of(), Map.of());

    public Environment {
        plain = Collections.unmodifiableMap(new TreeMap<>(plain == null ? Map.of() : plain));
        secrets = Collections.unmodifiableMap(new TreeMap<>(secrets == null ? Map.of() : secrets));
        validate(plain, secrets);
    }

    public boolean isEmpty() {
        return plain.isEmpty() && secrets.isEmpty();
    }

    public boolean isSecret(String key) {
        return secrets.containsKey(key);
    }

    /** Every variable with its plain value, secret ones revealed: only for the request to Lambda. */
    public Map<String, String> revealAll() {
        Map<String, String> all = new TreeMap<>(plain);
        secrets.forEach((k, v) -> all.put(k, v.reveal()));
        return all;
    }

    private static void validate(Map<String, String> plain, Map<String, SecretValue> secrets) {
        List<String> both = new ArrayList<>(plain.keySet());
        both.retainAll(secrets.keySet());
        if (!both.isEmpty()) {
            throw new InvalidSpecException("environment", String.join(", ", both),
                    "these keys are also defined in <secrets>: keep each key in one place");
        }
        List<String> keys = new ArrayList<>(plain.keySet());
        keys.addAll(secrets.keySet());
        List<String> reserved = keys.stream().filter(RESERVED_KEYS::contains).sorted().toList();
        if (!reserved.isEmpty()) {
            throw new InvalidSpecException("environment", String.join(", ", reserved),
                    "reserved by the Lambda runtime and cannot be set; rename these keys");
        }
        List<String> malformed = keys.stream().filter(k -> !KEY.matcher(k).matches()).sorted().toList();
        if (!malformed.isEmpty()) {
            throw new InvalidSpecException("environment", String.join(", ", malformed),
                    "a key starts with a letter and has at least two characters of [a-zA-Z0-9_]");
        }
        int size = 0;
        Map<String, Integer> sizes = new TreeMap<>();
        for (String key : keys) {
            String value = plain.containsKey(key) ? plain.get(key) : secrets.get(key).reveal();
            int bytes = utf8(key) + utf8(value == null ? "" : value);
            sizes.put(key, bytes);
            size += bytes;
        }
        if (size > MAX_BYTES) {
            List<String> largest = sizes.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(3).map(e -> e.getKey() + " (" + e.getValue() + " bytes)").toList();
            throw new InvalidSpecException("environment", null, "the variables take " + size
                    + " bytes, Lambda allows " + MAX_BYTES + " in total; the largest are "
                    + String.join(", ", largest) + ": move large values to SSM Parameter Store, Secrets Manager"
                    + " or a file in the deployment package");
        }
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(plain);
        secrets.keySet().forEach(k -> shown.put(k, SecretValue.MASK));
        return shown.toString();
    }
}
