package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The emulator's JSON: Jackson's tree model read and written with Jackson's streaming parser and generator,
 * and the JSON error mapping of the REST JSON protocol.
 *
 * <p>No {@code ObjectMapper}: building one loads several hundred classes, which was a third of the emulator's
 * cold start. For the same reason never call {@code JsonNode.toString()} here (it builds a mapper): use
 * {@link #text}.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern QUOTED_TOKEN = Pattern.compile("'[^']{2,}'");
    /** Standard base64 as the SDKs send blobs; line breaks and missing padding tolerated, as before. */
    private static final Base64Variant BASE64 = Base64Variants.MIME_NO_LINEFEEDS
            .withReadPadding(Base64Variant.PaddingReadBehaviour.PADDING_ALLOWED);

    private Json() {}

    /** A request body: anything that is not one well-formed JSON value is AWS's 400. */
    public static JsonNode parse(byte[] bytes) {
        try {
            return read(bytes);
        } catch (JsonProcessingException e) {
            // Jackson quotes the token it could not read: that may be an unquoted secret, so it is not echoed
            throw notParsable(QUOTED_TOKEN.matcher(e.getOriginalMessage()).replaceAll("'****'"));
        } catch (IOException e) {
            throw notParsable(e.getMessage());
        }
    }

    /**
     * A request body read as it streams in, as {@link #parse(byte[])} reads one: the members {@code shape} types
     * {@link JsonShape#BINARY} are base64-decoded into {@code sink} on the way, never held as text, and stand in
     * the tree as what the sink committed ({@link #binary}). An empty body is an empty object. Binary values
     * already written are discarded when the body turns out malformed.
     */
    public static JsonNode parse(InputStream body, JsonShape.Struct shape, BinarySink sink) {
        List<BinarySink.Binary> written = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return object();
            }
            JsonNode node = value(parser, shape, sink, written);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "Unexpected content after the JSON value");
            }
            written.clear(); // committed: the caller owns them now
            return node;
        } catch (JsonProcessingException e) {
            throw notParsable(QUOTED_TOKEN.matcher(e.getOriginalMessage()).replaceAll("'****'"));
        } catch (IOException e) {
            throw notParsable(e.getMessage());
        } finally {
            for (BinarySink.Binary binary : written) {
                closeQuietly(binary);
            }
        }
    }

    /** What a {@link BinarySink} committed for a binary member of a request body. */
    @SuppressWarnings("unchecked")
    public static <T> T binary(JsonNode node, Class<T> type) {
        return node instanceof POJONode pojo && type.isInstance(pojo.getPojo()) ? (T) pojo.getPojo() : null;
    }

    private static JsonNode value(JsonParser p, JsonShape shape, BinarySink sink, List<BinarySink.Binary> written)
            throws IOException {
        if (shape == JsonShape.BINARY && p.currentToken() == JsonToken.VALUE_STRING) {
            // the sink's own failures are the emulator's (a 500), not a malformed body: they leave unchecked
            BinarySink.Binary binary = uncheckedIo(sink::open);
            written.add(binary);
            try {
                p.readBinaryValue(BASE64, new UncheckedOutput(binary.out()));
            } catch (JsonParseException | IllegalArgumentException e) {
                // Jackson's words when a blob member is not base64, as Lambda's front end answers them
                throw new JsonParseException(p, "Failed to decode VALUE_STRING as base64 (" + BASE64 + "): "
                        + (e instanceof JsonParseException j ? j.getOriginalMessage() : e.getMessage()));
            }
            return NODES.pojoNode(uncheckedIo(binary::commit));
        }
        if (shape instanceof JsonShape.Struct struct && p.currentToken() == JsonToken.START_OBJECT) {
            ObjectNode object = object();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                object.set(name, value(p, struct.member(name), sink, written));
            }
            return object;
        }
        return value(p);
    }

    /** The sink's stream, failing unchecked: Jackson lets a RuntimeException through as it is. */
    private static final class UncheckedOutput extends OutputStream {
        private final OutputStream out;

        UncheckedOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            uncheckedIo(() -> {
                out.write(b);
                return null;
            });
        }

        @Override
        public void write(byte[] b, int off, int len) {
            uncheckedIo(() -> {
                out.write(b, off, len);
                return null;
            });
        }
    }

    /** An I/O step of the sink, whose failure must not read as a malformed request. */
    private interface IoStep<T> {
        T run() throws IOException;
    }

    private static <T> T uncheckedIo(IoStep<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(BinarySink.Binary binary) {
        try {
            binary.close();
        } catch (IOException ignored) {
            // a temp file that could not be deleted now is left to the collector
        }
    }

    /** One JSON value from bytes the emulator wrote or a user edits (a file); trailing content is an error. */
    public static JsonNode read(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() == null) {
                throw new IOException("empty document");
            }
            JsonNode node = value(parser);
            if (parser.nextToken() != null) {
                throw new IOException("unexpected content after the JSON value at " + parser.currentLocation()
                        .offsetDescription());
            }
            return node;
        }
    }

    /** A JSON object the emulator stored itself. */
    public static ObjectNode parseObject(String text) {
        try {
            return (ObjectNode) read(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("stored JSON is corrupt", e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        return write(node, false);
    }

    /** Indented, for files users read and edit. */
    public static byte[] prettyBytes(JsonNode node) {
        return write(node, true);
    }

    public static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** An object with the entries of {@code map} as string members, in the map's order. */
    public static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = object();
        map.forEach(node::put);
        return node;
    }

    /** The members of a flat object of strings, e.g. stored environment variables. */
    public static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static ApiException notParsable(String detail) {
        return new ApiException(400, "InvalidRequestContentException",
                "Could not parse request body into json: " + detail);
    }

    private static JsonNode value(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = object();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.set(name, value(p));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = array();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected " + token + " at " + p.currentLocation().offsetDescription());
        }
    }

    private static byte[] write(JsonNode node, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    g.writeFieldName(member.getKey());
                    write(g, member.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    default -> g.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case BINARY -> g.writeBinary(node.binaryValue());
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node");
        }
    }
}
