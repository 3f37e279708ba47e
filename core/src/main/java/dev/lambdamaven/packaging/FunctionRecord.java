package dev.lambdamaven.packaging;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What package-function built, kept in {@code target/lambda/function.properties} for the deploy goals: the zip
 * (whatever its classifier), its CodeSha256, the runtime and the handler it checked (also when it found the
 * handler itself). The deploy goals take all four from here.
 *
 * @param zip         the deployment zip
 * @param runtime     the runtime the zip was laid out for
 * @param handler     the checked handler, or {@code null} when none was checked
 * @param codeSha256  base64 SHA-256 of the zip
 */
public record FunctionRecord(Path zip, String runtime, String handler, String codeSha256) {

    public static final String FILE_NAME = "function.properties";

    /** Writes the record, unless the file already holds this one (an up-to-date build changes nothing). */
    public void write(Path workDirectory) throws IOException {
        if (read(workDirectory).filter(this::sameAs).isPresent()) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("zip", zip.toAbsolutePath().toString());
        properties.setProperty("runtime", runtime);
        if (handler != null) {
            properties.setProperty("handler", handler);
        }
        properties.setProperty("codeSha256", codeSha256);
        Files.createDirectories(workDirectory);
        try (Writer writer = Files.newBufferedWriter(workDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.store(writer, "written by lambda:package-function");
        }
    }

    /** Field by field: a record's generated equals bootstraps method handles, 10 ms of a cold build. */
    private boolean sameAs(FunctionRecord other) {
        return Objects.equals(zip.toAbsolutePath(), other.zip.toAbsolutePath())
                && Objects.equals(runtime, other.runtime) && Objects.equals(handler, other.handler)
                && Objects.equals(codeSha256, other.codeSha256);
    }

    /** The record in {@code workDirectory}, if package-function wrote one. */
    public static Optional<FunctionRecord> read(Path workDirectory) throws IOException {
        Path file = workDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String zip = properties.getProperty("zip");
        if (zip == null) {
            return Optional.empty(); // written by an older plugin: package again
        }
        return Optional.of(new FunctionRecord(Path.of(zip), properties.getProperty("runtime"),
                properties.getProperty("handler"), properties.getProperty("codeSha256")));
    }
}
