package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The one Jackson mapper and the JSON error mapping of the REST JSON protocol. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null) {
                throw notParsable("empty document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw notParsable(e.getOriginalMessage());
        } catch (IOException e) {
            throw notParsable(e.getMessage());
        }
    }

    public static ObjectNode parseObject(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is corrupt", e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(JsonNode node) {
        return node.toString();
    }

    static ApiException notParsable(String detail) {
        return new ApiException(400, "InvalidRequestContentException",
                "Could not parse request body into json: " + detail);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
