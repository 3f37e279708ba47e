package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraints of the API reference (length, pattern, range, enum, required) on a request's members, collected
 * in the order they are checked and answered all at once as AWS's front end answers them:
 * {@code 2 validation errors detected: Value 'x' at 'member' failed to satisfy constraint: ...; Value ...}.
 */
final class Constraints {

    private final List<String> violations = new ArrayList<>();

    /** A required member (a JSON {@code null} counts as absent). */
    Constraints required(Object value, String member) {
        if (value == null || value instanceof JsonNode node && (node.isMissingNode() || node.isNull())) {
            violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    Constraints length(String value, String member, int min, int max) {
        if (value != null && value.length() > max) {
            add(value, member, "Member must have length less than or equal to " + max);
        } else if (value != null && value.length() < min) {
            add(value, member, "Member must have length greater than or equal to " + min);
        }
        return this;
    }

    /** {@code regex} as the API reference prints it; it must match the whole value. */
    Constraints pattern(String value, String member, String regex) {
        if (value != null && !Pattern.compile(regex).matcher(value).matches()) {
            add(value, member, "Member must satisfy regular expression pattern: " + regex);
        }
        return this;
    }

    Constraints range(JsonNode value, String member, long min, long max) {
        if (value != null && value.isNumber()) {
            long number = value.asLong();
            if (number < min) {
                add(Long.toString(number), member, "Member must have value greater than or equal to " + min);
            } else if (number > max) {
                add(Long.toString(number), member, "Member must have value less than or equal to " + max);
            }
        }
        return this;
    }

    /** {@code values} in the order AWS prints them (which is not always the API reference's). */
    Constraints oneOf(String value, String member, List<String> values) {
        if (value != null && !values.contains(value)) {
            add(value, member, "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
        }
        return this;
    }

    /** A list's number of items. */
    Constraints size(JsonNode list, String member, int min, int max) {
        if (list != null && list.isArray() && (list.size() > max || list.size() < min)) {
            add(render(list), member, list.size() > max ? "Member must have length less than or equal to "
                    + max : "Member must have length greater than or equal to " + min);
        }
        return this;
    }

    /**
     * Each item of a list of strings, with the constraints AWS prints for a collection's members:
     * {@code Value '[GETTTTT]' at 'cors.allowMethods' failed to satisfy constraint: Member must satisfy constraint:
     * [Member must have length less than or equal to 6, ...]}. {@code minLength}, {@code maxLength}: {@code null}
     * for none.
     */
    Constraints items(JsonNode list, String member, Integer minLength, Integer maxLength, String regex) {
        if (list == null || !list.isArray()) {
            return this;
        }
        for (JsonNode item : list) {
            String value = item.asText();
            if (minLength != null && value.length() < minLength || maxLength != null && value.length() > maxLength
                    || !Pattern.compile(regex).matcher(value).matches()) {
                List<String> constraints = new ArrayList<>();
                if (maxLength != null) {
                    constraints.add("Member must have length less than or equal to " + maxLength);
                }
                if (minLength != null) {
                    constraints.add("Member must have length greater than or equal to " + minLength);
                }
                constraints.add("Member must satisfy regular expression pattern: " + regex);
                add(render(list), member, "Member must satisfy constraint: [" + String.join(", ", constraints) + "]");
                return this;
            }
        }
        return this;
    }

    /** Throws the collected violations as one {@code ValidationException}, if there are any. */
    void check() {
        if (violations.isEmpty()) {
            return;
        }
        String count = violations.size() == 1 ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        throw new ApiException(400, "ValidationException", count + String.join("; ", violations));
    }

    private void add(String value, String member, String constraint) {
        violations.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** How AWS renders a list inside a message: {@code [a, b]}. */
    private static String render(JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(item -> items.add(item.asText()));
        return "[" + String.join(", ", items) + "]";
    }
}
