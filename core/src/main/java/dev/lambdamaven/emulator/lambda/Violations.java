package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The constraint failures of one request, found the way Lambda's front end finds them: every length, pattern,
 * range, enum and required check of every member, before any semantic rule, answered together as one
 * {@code ValidationException}: "2 validation errors detected: Value '...' at 'functionName' failed to satisfy
 * constraint: ...; Value ...". Values are rendered as AWS renders them (lists {@code [x86_64, arm64]}, maps
 * {@code {2=2.0}}, an absent value {@code Value null at ...}).
 */
final class Violations {

    /** A string member's constraints as the API model declares them, and its pattern as AWS prints it. */
    record StringRule(int min, int max, Pattern pattern, String shownPattern) {

        StringRule(int min, int max, String shownPattern) {
            this(min, max, shownPattern == null ? null : Pattern.compile(shownPattern), shownPattern);
        }

        /**
         * The rule's constraints as AWS lists them for a list member or a map key: "[Member must have length less
         * than or equal to 2048, Member must have length greater than or equal to 1, Member must satisfy regular
         * expression pattern: ..., Member must not be null]".
         */
        String described(boolean notNull) {
            StringJoiner all = new StringJoiner(", ", "[", "]");
            if (max < Integer.MAX_VALUE) {
                all.add("Member must have length less than or equal to " + max);
            }
            all.add("Member must have length greater than or equal to " + min);
            if (pattern != null) {
                all.add("Member must satisfy regular expression pattern: " + shownPattern);
            }
            if (notNull) {
                all.add("Member must not be null");
            }
            return all.toString();
        }

        boolean accepts(String value) {
            return value.length() >= min && value.length() <= max
                    && (pattern == null || pattern.matcher(value).matches());
        }
    }

    private final List<String> found = new ArrayList<>();

    /** {@code value} (a string; {@code null}: absent) against its rule: maximum length, minimum, then pattern. */
    Violations string(String field, String value, StringRule rule) {
        if (value == null) {
            return this;
        }
        bounded(value, field, value.length(), rule.min(), rule.max(), "length");
        if (rule.pattern() != null && !rule.pattern().matcher(value).matches()) {
            add(value, field, "Member must satisfy regular expression pattern: " + rule.shownPattern());
        }
        return this;
    }

    /** A required member: absent is "Value null at 'field' failed to satisfy constraint: Member must not be null". */
    Violations required(String field, Object value) {
        if (value == null || value instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            found.add("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    Violations range(String field, JsonNode value, long min, long max) {
        return value == null || !value.isNumber() ? this : bounded(value, field, value.longValue(), min, max, "value");
    }

    /** An enum member, its value set printed as AWS prints it: {@code [x86_64, arm64]}. */
    Violations oneOf(String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(value, field, "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    /** A list whose members must each satisfy {@code described} (see {@link StringRule#described}). */
    Violations eachMember(String field, JsonNode list, Predicate<String> accepts,
            String described) {
        if (list == null || !list.isArray()) {
            return this;
        }
        for (JsonNode item : list) {
            if (item.isNull() || !accepts.test(item.asText())) {
                add(list, field, "Member must satisfy constraint: " + described);
                return this;
            }
        }
        return this;
    }

    Violations size(String field, JsonNode collection, int min, int max) {
        return collection == null || collection.isNull() ? this
                : bounded(collection, field, collection.size(), min, max, "length");
    }

    /** {@code actual}, the value or its length, within {@code min} and {@code max} (the maximum first). */
    private Violations bounded(Object value, String field, long actual, long min, long max, String measure) {
        if (actual > max) {
            add(value, field, "Member must have " + measure + " less than or equal to " + max);
        }
        if (actual < min) {
            add(value, field, "Member must have " + measure + " greater than or equal to " + min);
        }
        return this;
    }

    /** A failure stated in AWS's words: "Value 'x' at 'field' failed to satisfy constraint: {constraint}". */
    Violations add(Object value, String field, String constraint) {
        found.add(failure(value, field, constraint));
        return this;
    }

    /** Appends what {@code other} found, after this one's. */
    Violations addAll(Violations other) {
        found.addAll(other.found);
        return this;
    }

    /** Throws AWS's ValidationException listing every failure found, if any. */
    void check() {
        if (!found.isEmpty()) {
            throw new ApiException(400, "ValidationException", message(found));
        }
    }

    static String failure(Object value, String field, String constraint) {
        return "Value " + (value == null ? "null" : "'" + render(value) + "'") + " at '" + field
                + "' failed to satisfy constraint: " + constraint;
    }

    static String message(List<String> failures) {
        return failures.size() + (failures.size() == 1 ? " validation error" : " validation errors") + " detected: "
                + String.join("; ", failures);
    }

    /** A value as AWS (Java's {@code toString}) prints it in a message: {@code [a, b]}, {@code {2=2.0}}, text bare. */
    static String render(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isArray()) {
                StringJoiner items = new StringJoiner(", ", "[", "]");
                node.forEach(item -> items.add(render(item)));
                return items.toString();
            }
            if (node.isObject()) {
                StringJoiner entries = new StringJoiner(", ", "{", "}");
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    entries.add(entry.getKey() + "=" + render(entry.getValue()));
                }
                return entries.toString();
            }
            if (node.isFloatingPointNumber()) {
                return Double.toString(node.doubleValue());
            }
            return node.isNull() ? "null" : node.asText();
        }
        return String.valueOf(value);
    }
}
