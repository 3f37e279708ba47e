package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;

/** Environment values are encrypted at rest: no byte sequence of the plaintext anywhere in the state dir. */
class SecretsAtRestTest {

    static final String SECRET = "s3cr3t-value-9f2c1e7a";

    @TempDir
    Path dir;

    @Test
    void plaintextEnvironmentValuesAppearNowhereInTheStateDirectory() throws Exception {
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("fn", zip("a", "b")).environment(Environment.builder()
                    .variables(Map.of("DB_PASSWORD", SECRET)).build()).publish(true).build());
            lambda.updateFunctionConfiguration(b -> b.functionName("fn").environment(e -> e.variables(
                    Map.of("DB_PASSWORD", SECRET, "OTHER", "x"))));
            lambda.publishVersion(b -> b.functionName("fn"));
            assertThat(lambda.getFunction(b -> b.functionName("fn:1")).configuration().environment().variables())
                    .containsEntry("DB_PASSWORD", SECRET);
        }
        byte[] needle = SECRET.getBytes(StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(indexOf(Files.readAllBytes(file), needle)).as(file.toString()).isEqualTo(-1);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret.key"))))
                .isEqualTo("rw-------");
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("fn")).environment().variables())
                    .containsEntry("DB_PASSWORD", SECRET);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
