package dev.lambdamaven.plugin;

import dev.lambdamaven.config.InvalidSpecException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** An event given inline ({@code <payload>}-like parameter) or as a file, never both. */
final class Payloads {

    private Payloads() {}

    /** The event's bytes, or {@code null} when neither is set. */
    static byte[] read(String inlineElement, String inline, String fileElement, File file) {
        if (inline != null && file != null) {
            throw new InvalidSpecException(inlineElement, inline, "set either <" + inlineElement + "> or <"
                    + fileElement + ">, not both");
        }
        if (file == null) {
            return inline == null || inline.isBlank() ? null : inline.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new InvalidSpecException(fileElement, file.toString(), "cannot read it (" + e.getMessage()
                    + "): name a readable file with the event as JSON");
        }
    }
}
