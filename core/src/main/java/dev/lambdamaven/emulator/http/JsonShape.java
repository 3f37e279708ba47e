package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The member types of a request body, checked the way Lambda's front end reads a body: with Jackson's default
 * coercions (a number where a string is expected becomes its text, {@code "128"} where an integer is expected
 * becomes 128) and Jackson's messages, as {@code InvalidRequestContentException} (400), for what cannot be
 * coerced. Unknown members are ignored (a newer SDK may send members this emulator does not know); JSON
 * {@code null} counts as absent.
 *
 * <p>A value that fails is echoed as Jackson echoes it only when an integer, number or boolean was expected;
 * values of string members (environment variables may be secrets) are never echoed.
 */
public abstract class JsonShape {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static final JsonShape STRING = new JsonShape("java.lang.String") {
        @Override
        JsonNode conform(JsonNode value, String chain) {
            if (value.isTextual()) {
                return value;
            }
            if (value.isValueNode()) {
                return NODES.textNode(value.asText());
            }
            throw mismatch(value, chain);
        }
    };

    public static final JsonShape INTEGER = new Scalar("java.lang.Integer") {
        @Override
        JsonNode fromText(String text, JsonNode value, String chain) {
            if (!INTEGRAL.matcher(text).matches()) {
                throw notValid(value, chain);
            }
            return integer(new BigDecimal(text), value, chain);
        }

        @Override
        JsonNode fromValue(JsonNode value, String chain) {
            // Jackson truncates a float given for an integer; 1e400 reads as Infinity, out of range
            return !value.isNumber() ? null : integer(Double.isFinite(value.doubleValue()) ? value.decimalValue()
                    : INT_MAX.add(BigDecimal.ONE), value, chain);
        }
    };

    public static final JsonShape DOUBLE = new Scalar("java.lang.Double") {
        @Override
        JsonNode fromText(String text, JsonNode value, String chain) {
            if (!DECIMAL.matcher(text).matches()) {
                throw notValid(value, chain);
            }
            return NODES.numberNode(Double.parseDouble(text)); // NaN and Infinity too, as Jackson reads them
        }

        @Override
        JsonNode fromValue(JsonNode value, String chain) {
            return value.isNumber() ? NODES.numberNode(value.doubleValue()) : null;
        }
    };

    public static final JsonShape BOOLEAN = new Scalar("java.lang.Boolean") {
        @Override
        JsonNode fromText(String text, JsonNode value, String chain) {
            if (text.equals("true") || text.equals("True") || text.equals("TRUE")) {
                return NODES.booleanNode(true);
            }
            if (text.equals("false") || text.equals("False") || text.equals("FALSE")) {
                return NODES.booleanNode(false);
            }
            throw notParsable("Cannot deserialize value of type `java.lang.Boolean` from String \""
                    + value.textValue() + "\": only \"true\" or \"false\" recognized", chain);
        }

        @Override
        JsonNode fromValue(JsonNode value, String chain) {
            if (value.isBoolean()) {
                return value;
            }
            return value.isIntegralNumber() ? NODES.booleanNode(value.asLong() != 0) : null;
        }
    };

    /**
     * A blob member (base64 in JSON), e.g. {@code ZipFile}: decoded into the request's {@link BinarySink} while the
     * body is read ({@link Json#parse(java.io.InputStream, Struct, BinarySink)}); the tree holds what the sink
     * committed, read back with {@link Json#binary}.
     */
    public static final JsonShape BINARY = new JsonShape("java.nio.ByteBuffer") {
        @Override
        JsonNode conform(JsonNode value, String chain) {
            if (value.isPojo()) {
                return value;
            }
            throw mismatch(value, chain);
        }
    };

    private static final Pattern INTEGRAL = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity|NaN");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final String typeName;

    private JsonShape(String typeName) {
        this.typeName = typeName;
    }

    /** A JSON array of {@code items}. */
    public static JsonShape listOf(JsonShape items) {
        return new JsonShape("java.util.ArrayList<" + items.typeName + ">") {
            @Override
            JsonNode conform(JsonNode value, String chain) {
                if (!value.isArray()) {
                    throw mismatch(value, chain);
                }
                ArrayNode result = NODES.arrayNode(value.size());
                for (int i = 0; i < value.size(); i++) {
                    result.add(items.conformOrNull(value.get(i), link(chain, "java.util.ArrayList[" + i + "]")));
                }
                return result;
            }
        };
    }

    /** A JSON object whose members are all {@code values}, e.g. tags or environment variables. */
    public static JsonShape mapOf(JsonShape values) {
        return new JsonShape("java.util.LinkedHashMap<java.lang.String," + values.typeName + ">") {
            @Override
            JsonNode conform(JsonNode value, String chain) {
                if (!value.isObject()) {
                    throw mismatch(value, chain);
                }
                ObjectNode result = NODES.objectNode();
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    result.set(entry.getKey(), values.conformOrNull(entry.getValue(),
                            link(chain, "java.util.LinkedHashMap[\"" + entry.getKey() + "\"]")));
                }
                return result;
            }
        };
    }

    /** A structure named as in the Lambda API reference, with the given members. */
    public static Struct struct(String name, Map<String, JsonShape> members) {
        return new Struct(name, members, DEFAULT_MAX_BYTES);
    }

    /** A request body of at most {@code maxBytes}: AWS answers 413 above its operation's limit. */
    public static Struct request(String name, long maxBytes, Map<String, JsonShape> members) {
        return new Struct(name, members, maxBytes);
    }

    /** The bound of a request body without a documented limit of its own. */
    private static final long DEFAULT_MAX_BYTES = 1 << 20;

    /** A structure; {@link #check} applies it to a whole request body. */
    public static final class Struct extends JsonShape {

        private final String name;
        private final Map<String, JsonShape> members;
        private final long maxBytes;

        private Struct(String name, Map<String, JsonShape> members, long maxBytes) {
            super(name);
            this.name = name;
            this.members = new LinkedHashMap<>(members);
            this.maxBytes = maxBytes;
        }

        /** The largest body AWS takes for this operation; a body must be smaller. */
        public long maxBytes() {
            return maxBytes;
        }

        /** The shape of a member, {@code null} for one this structure does not know. */
        JsonShape member(String memberName) {
            return members.get(memberName);
        }

        /** For a request body shape named {@code <Operation>Request}, as in the API reference: the operation. */
        public String operation() {
            return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
        }

        /** The body with every known member checked and coerced to its type. */
        public ObjectNode check(ObjectNode body) {
            return (ObjectNode) conform(body, "");
        }

        @Override
        JsonNode conform(JsonNode value, String chain) {
            if (!value.isObject()) {
                throw mismatch(value, chain);
            }
            ObjectNode result = NODES.objectNode();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                JsonShape member = members.get(entry.getKey());
                JsonNode conformed = member == null ? entry.getValue()
                        : member.conformOrNull(entry.getValue(), link(chain, name + "[\"" + entry.getKey() + "\"]"));
                if (!conformed.isNull()) { // null is absent, as for Jackson
                    result.set(entry.getKey(), conformed);
                }
            }
            return result;
        }
    }

    /** The value as this type, {@code null} for what Jackson reads as absent (an empty string for a number). */
    abstract JsonNode conform(JsonNode value, String chain);

    /** {@code chain}: Jackson's reference chain to the value, e.g. {@code A["VpcConfig"]->VpcConfig["SubnetIds"]}. */
    private JsonNode conformOrNull(JsonNode value, String chain) {
        JsonNode conformed = value.isNull() ? null : conform(value, chain);
        return conformed == null ? NODES.nullNode() : conformed;
    }

    private static String link(String chain, String next) {
        return chain.isEmpty() ? next : chain + "->" + next;
    }

    @Override
    public String toString() {
        return typeName;
    }

    /** An integer, number or boolean: read from its own JSON type or from a string, as Jackson reads them. */
    private abstract static class Scalar extends JsonShape {

        Scalar(String typeName) {
            super(typeName);
        }

        @Override
        final JsonNode conform(JsonNode value, String chain) {
            if (value.isTextual()) {
                String text = value.textValue().trim();
                // Jackson reads an empty string or "null" given for a scalar as absent
                return text.isEmpty() || text.equals("null") ? null : fromText(text, value, chain);
            }
            JsonNode read = fromValue(value, chain);
            if (read == null) {
                throw mismatch(value, chain);
            }
            return read;
        }

        /** {@code text}: the value's trimmed text, neither empty nor "null". */
        abstract JsonNode fromText(String text, JsonNode value, String chain);

        /** The value of a JSON type other than string, or {@code null} when this type does not take it. */
        abstract JsonNode fromValue(JsonNode value, String chain);

        static JsonNode integer(BigDecimal number, JsonNode value, String chain) {
            if (number.compareTo(INT_MIN) < 0 || number.compareTo(INT_MAX) > 0) {
                throw notParsable("Numeric value (" + value.asText() + ") out of range of int ("
                        + Integer.MIN_VALUE + " - " + Integer.MAX_VALUE + ")", chain);
            }
            return NODES.numberNode(number.intValue());
        }
    }

    final ApiException notValid(JsonNode value, String chain) {
        return notParsable("Cannot deserialize value of type `" + typeName + "` from String \""
                + value.textValue() + "\": not a valid `" + typeName + "` value", chain);
    }

    final ApiException mismatch(JsonNode value, String chain) {
        String kind = switch (value.getNodeType()) {
            case OBJECT -> "Object value (token `JsonToken.START_OBJECT`)";
            case ARRAY -> "Array value (token `JsonToken.START_ARRAY`)";
            case STRING -> "String value (token `JsonToken.VALUE_STRING`)";
            case BOOLEAN -> "Boolean value (token `JsonToken.VALUE_" + (value.booleanValue() ? "TRUE" : "FALSE") + "`)";
            default -> (value.isIntegralNumber() ? "Integer value (token `JsonToken.VALUE_NUMBER_INT`)"
                    : "Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)");
        };
        return notParsable("Cannot deserialize value of type `" + typeName + "` from " + kind, chain);
    }

    private static ApiException notParsable(String detail, String chain) {
        return Json.notParsable(chain.isEmpty() ? detail : detail + " (through reference chain: " + chain + ")");
    }
}
