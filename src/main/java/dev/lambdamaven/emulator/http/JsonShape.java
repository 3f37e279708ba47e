package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The member types of a request body, checked the way Lambda's front end reads a body: with Jackson's default
 * coercions (a number where a string is expected becomes its text, {@code "128"} where an integer is expected
 * becomes 128) and Jackson's messages, as {@code InvalidRequestContentException} (400), for what cannot be
 * coerced. Unknown members are ignored (a newer SDK may send members this emulator does not know); JSON
 * {@code null} counts as absent.
 *
 * <p>Scalar values that fail are echoed as Jackson echoes them, except strings, which are never echoed (an
 * environment variable's value may be a secret).
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

    public static final JsonShape INTEGER = new JsonShape("java.lang.Integer") {
        @Override
        JsonNode conform(JsonNode value, String chain) {
            if (value.isNumber() || value.isTextual()) {
                double number = number(value, this, chain);
                if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                    throw notParsable("Numeric value (" + value.asText() + ") out of range of int ("
                            + Integer.MIN_VALUE + " - " + Integer.MAX_VALUE + ")", chain);
                }
                return NODES.numberNode((int) number);
            }
            throw mismatch(value, chain);
        }
    };

    public static final JsonShape DOUBLE = new JsonShape("java.lang.Double") {
        @Override
        JsonNode conform(JsonNode value, String chain) {
            if (value.isNumber() || value.isTextual()) {
                return NODES.numberNode(number(value, this, chain));
            }
            throw mismatch(value, chain);
        }
    };

    public static final JsonShape BOOLEAN = new JsonShape("java.lang.Boolean") {
        @Override
        JsonNode conform(JsonNode value, String chain) {
            if (value.isBoolean()) {
                return value;
            }
            if (value.isIntegralNumber()) {
                return NODES.booleanNode(value.asLong() != 0);
            }
            if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
                return NODES.booleanNode(value.textValue().equals("true"));
            }
            if (value.isTextual()) {
                throw notParsable("Cannot deserialize value of type `java.lang.Boolean` from String \""
                        + value.textValue() + "\": only \"true\" or \"false\" recognized", chain);
            }
            throw mismatch(value, chain);
        }
    };

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
        return new Struct(name, members);
    }

    /** A structure; {@link #check} applies it to a whole request body. */
    public static final class Struct extends JsonShape {

        private final String name;
        private final Map<String, JsonShape> members;

        private Struct(String name, Map<String, JsonShape> members) {
            super(name);
            this.name = name;
            this.members = new LinkedHashMap<>(members);
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
                result.set(entry.getKey(), member == null ? entry.getValue()
                        : member.conformOrNull(entry.getValue(), link(chain, name + "[\"" + entry.getKey() + "\"]")));
            }
            return result;
        }
    }

    abstract JsonNode conform(JsonNode value, String chain);

    /** {@code chain}: Jackson's reference chain to the value, e.g. {@code A["VpcConfig"]->VpcConfig["SubnetIds"]}. */
    private JsonNode conformOrNull(JsonNode value, String chain) {
        return value.isNull() ? value : conform(value, chain);
    }

    private static String link(String chain, String next) {
        return chain.isEmpty() ? next : chain + "->" + next;
    }

    @Override
    public String toString() {
        return typeName;
    }

    private static double number(JsonNode value, JsonShape shape, String chain) {
        if (value.isNumber()) {
            return value.isIntegralNumber() && !value.canConvertToLong() ? value.bigIntegerValue().doubleValue()
                    : value.asDouble();
        }
        try {
            double parsed = Double.parseDouble(value.textValue().trim());
            if (shape == INTEGER && parsed != Math.rint(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw notParsable("Cannot deserialize value of type `" + shape.typeName + "` from String \""
                    + value.textValue() + "\": not a valid `" + shape.typeName + "` value", chain);
        }
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
