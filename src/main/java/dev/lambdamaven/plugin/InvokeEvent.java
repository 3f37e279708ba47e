package dev.lambdamaven.plugin;

import dev.lambdamaven.config.InvalidSpecException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The event of an invocation, from {@code <payload>} or {@code <payloadFile>} (lambda:invoke, lambda:dev). */
final class InvokeEvent {

    private InvokeEvent() {}

    /** The event's bytes; {@code {}} when neither is set. */
    static byte[] read(String payload, File payloadFile) {
        if (payload != null && payloadFile != null) {
            throw new InvalidSpecException("payload", payload, "set either <payload> (-Dlambda.payload) or"
                    + " <payloadFile> (-Dlambda.payloadFile), not both");
        }
        if (payloadFile != null) {
            try {
                return Files.readAllBytes(payloadFile.toPath());
            } catch (IOException e) {
                throw new InvalidSpecException("payloadFile", payloadFile.toString(), "cannot read it ("
                        + e.getMessage() + "): name a readable file with the event as JSON");
            }
        }
        return (payload == null || payload.isBlank() ? "{}" : payload).getBytes(StandardCharsets.UTF_8);
    }
}
