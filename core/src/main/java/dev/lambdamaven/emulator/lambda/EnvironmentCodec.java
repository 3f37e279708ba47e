package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.SecretBox;
import java.io.IOException;
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
        return box.encrypt(Json.bytes(Json.strings(new TreeMap<>(variables))), CONTEXT);
    }

    static Map<String, String> unseal(SecretBox box, byte[] ciphertext) {
        if (ciphertext == null) {
            return Map.of();
        }
        try {
            return new TreeMap<>(Json.stringMap(Json.read(box.decrypt(ciphertext, CONTEXT))));
        } catch (IOException e) {
            throw new IllegalStateException("stored environment variables are corrupt", e);
        }
    }
}
