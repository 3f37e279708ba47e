package dev.lambdamaven.packaging;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a packaged layer is, written by package-layer to {@code target/lambda/layer.properties}: everything the
 * publish step (and a plan) needs, and what function modules of the same build leave out of their own zip.
 *
 * @param layerName                the name the layer is published under
 * @param zip                      the layer zip (whatever its classifier)
 * @param codeSha256               its base64 SHA-256
 * @param contents                 {@code groupId:artifactId} of every jar in the layer
 * @param description              the layer version's description, or {@code null}
 * @param licenseInfo              its license, or {@code null}
 * @param compatibleRuntimes       runtimes the layer declares
 * @param compatibleArchitectures  architectures the layer declares
 */
public record LayerDescriptor(String layerName, Path zip, String codeSha256, List<String> contents,
        String description, String licenseInfo, List<String> compatibleRuntimes, List<String> compatibleArchitectures) {

    public static final String FILE_NAME = "layer.properties";

    /** Writes the descriptor, unless the file already holds this one (an up-to-date build changes nothing). */
    public void write(Path workDirectory) throws IOException {
        if (exists(workDirectory) && read(workDirectory).sameAs(this)) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("layerName", layerName);
        properties.setProperty("zip", zip.toAbsolutePath().toString());
        properties.setProperty("codeSha256", codeSha256);
        properties.setProperty("contents", String.join(",", contents));
        if (description != null) {
            properties.setProperty("description", description);
        }
        if (licenseInfo != null) {
            properties.setProperty("licenseInfo", licenseInfo);
        }
        properties.setProperty("compatibleRuntimes", String.join(",", compatibleRuntimes));
        properties.setProperty("compatibleArchitectures", String.join(",", compatibleArchitectures));
        Files.createDirectories(workDirectory);
        try (Writer writer = Files.newBufferedWriter(workDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.store(writer, "written by lambda:package-layer");
        }
    }

    /** Field by field: a record's generated equals bootstraps method handles, 10 ms of a cold build. */
    private boolean sameAs(LayerDescriptor other) {
        return zip.toAbsolutePath().equals(other.zip.toAbsolutePath()) && codeSha256.equals(other.codeSha256)
                && contents.equals(other.contents) && compatibleRuntimes.equals(other.compatibleRuntimes)
                && compatibleArchitectures.equals(other.compatibleArchitectures);
    }

    /** Reads the descriptor of a layer module, given its {@code target/lambda} directory. */
    public static LayerDescriptor read(Path workDirectory) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(workDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        if (properties.getProperty("layerName") == null) {
            throw new IOException(workDirectory.resolve(FILE_NAME) + " was written by an older plugin: package again");
        }
        return new LayerDescriptor(properties.getProperty("layerName"), Path.of(properties.getProperty("zip")),
                properties.getProperty("codeSha256"), list(properties, "contents"), properties.getProperty("description"),
                properties.getProperty("licenseInfo"), list(properties, "compatibleRuntimes"),
                list(properties, "compatibleArchitectures"));
    }

    public static boolean exists(Path workDirectory) {
        return Files.isRegularFile(workDirectory.resolve(FILE_NAME));
    }

    private static List<String> list(Properties properties, String key) {
        String value = properties.getProperty(key, "");
        return value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }
}
