package dev.lambdamaven.emulator.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A KMS request body (AWS JSON 1.1: members named as in the API reference, blobs as base64), read member by member
 * with the constraints of KMS's service model. Constraint failures are collected and reported together, as AWS
 * reports them: {@code 1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint:
 * Member must have value greater than or equal to 1} (the member in lower camel case; blob values never echoed).
 * A member of the wrong JSON type, or a body that is not a JSON object, is a {@code SerializationException}.
 */
final class KmsRequest {

    /** KMS documents no body limit; plaintexts are at most 4 KB and ciphertexts 6 KB. */
    private static final long MAX_BODY = 1 << 20;

    private final ObjectNode body;
    private final String operation;
    private final List<String> violations = new ArrayList<>();

    private KmsRequest(ObjectNode body, String operation) {
        this.body = body;
        this.operation = operation;
    }

    static KmsRequest read(ApiRequest request, String operation) {
        byte[] bytes = request.body(MAX_BODY, operation);
        if (bytes.length == 0) {
            return new KmsRequest(Json.object(), operation);
        }
        try {
            if (Json.read(bytes) instanceof ObjectNode object) {
                return new KmsRequest(object, operation);
            }
        } catch (IOException e) {
            // not JSON: answered below, without echoing the body (it may hold a plaintext)
        }
        throw serialization("the " + operation + " request body is not a JSON object");
    }

    /** A string member of {@code min} to {@code max} characters; {@code null} when absent and not required. */
    String string(String member, boolean required, int min, int max) {
        JsonNode node = present(member, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(member, "a string");
        }
        String value = node.textValue();
        bounds(member, "'" + value + "' ", "length", value.length(), min, max);
        return value;
    }

    /** A blob member (base64 in the body) of {@code min} to {@code max} bytes, its value never echoed. */
    byte[] blob(String member, boolean required, int min, int max) {
        JsonNode node = present(member, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(member, "a base64 string");
        }
        byte[] value;
        try {
            value = Base64.getMimeDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw serialization("member " + member + " of the " + operation + " request is not valid base64");
        }
        bounds(member, "", "length", value.length, min, max);
        return value;
    }

    Integer integer(String member, boolean required, int min, int max) {
        JsonNode node = present(member, required);
        if (node == null) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw wrongType(member, "an integer");
        }
        int value = node.intValue();
        bounds(member, "'" + value + "' ", "value", value, min, max);
        return value;
    }

    boolean bool(String member) {
        JsonNode node = present(member, false);
        if (node != null && !node.isBoolean()) {
            throw wrongType(member, "a boolean");
        }
        return node != null && node.booleanValue();
    }

    /** A string member that must be one of {@code values} (listed in the message, as AWS lists them). */
    String oneOf(String member, List<String> values) {
        String value = string(member, false, 0, Integer.MAX_VALUE);
        if (value != null && !values.contains(value)) {
            violate("Value '" + value + "' at '" + camel(member) + "' failed to satisfy constraint: Member must"
                    + " satisfy enum value set: [" + String.join(", ", values) + "]");
        }
        return value;
    }

    /** A map of strings, e.g. the encryption context; empty when absent. */
    Map<String, String> stringMap(String member) {
        JsonNode node = present(member, false);
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null) {
            return map;
        }
        if (!node.isObject()) {
            throw wrongType(member, "a map of strings");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw wrongType(member, "a map of strings");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }

    /** A list member, checked for its JSON type and its number of items only (grant tokens, tags). */
    void list(String member, int max) {
        JsonNode node = present(member, false);
        if (node == null) {
            return;
        }
        if (!node.isArray()) {
            throw wrongType(member, "a list");
        }
        if (node.size() > max) {
            violate("Value '" + node.size() + " items' at '" + camel(member) + "' failed to satisfy constraint:"
                    + " Member must have length less than or equal to " + max);
        }
    }

    /** Throws AWS's ValidationException with every constraint that failed, once all members were read. */
    void validate() {
        if (!violations.isEmpty()) {
            throw new ApiException(400, "ValidationException", violations.size() + " validation error"
                    + (violations.size() == 1 ? "" : "s") + " detected: " + String.join("; ", violations));
        }
    }

    private JsonNode present(String member, boolean required) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            if (required) {
                violate("Value null at '" + camel(member) + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        return node;
    }

    /** {@code shown}: the value as the message quotes it (blobs: not at all); {@code what}: length or value. */
    private void bounds(String member, String shown, String what, int actual, int min, int max) {
        if (actual < min || actual > max) {
            violate("Value " + shown + "at '" + camel(member) + "' failed to satisfy constraint: Member must have "
                    + what + (actual < min ? " greater than or equal to " + min : " less than or equal to " + max));
        }
    }

    private void violate(String violation) {
        violations.add(violation);
    }

    private ApiException wrongType(String member, String expected) {
        return serialization("member " + member + " of the " + operation + " request must be " + expected);
    }

    static ApiException serialization(String message) {
        return new ApiException(400, "SerializationException", message);
    }

    private static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
