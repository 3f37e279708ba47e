package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** Environment variables as stored: a JSON map sealed with the state directory's key. */
final class EnvironmentCodec {

    private static final String CONTEXT = "lambda-environment";

    private EnvironmentCodec() {}

    static byte[] seal(SecretBox box, Map<String, String> variables) {
        if (variables == null || variables.isEmpty()) {
            return null;
        }
        try {
            return box.encrypt(Json.MAPPER.writeValueAsBytes(new TreeMap<>(variables)), CONTEXT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> unseal(SecretBox box, byte[] ciphertext) {
        if (ciphertext == null) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(box.decrypt(ciphertext, CONTEXT), new TypeReference<TreeMap<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
