package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.ExternalTools;
import dev.lambdamaven.emulator.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK for JavaScript v3, unchanged, as a client (src/test/js/client-check.mjs): it signs as it signs for
 * AWS, in a region and an account of its own, and every call works. Its package, pinned in package-lock.json, is
 * installed from the npm registry into target/js-client on first use.
 */
class JsSdkClientTest {

    private static final Path SOURCES = Path.of("src/test/js");
    private static final Path INSTALL = Path.of("target/js-client");

    @TempDir
    Path dir;

    @Test
    void theJavaScriptSdkWorksUnchanged() throws Exception {
        ExternalTools.require("node", "install Node.js 18 or later");
        ExternalTools.require("npm", "install npm with Node.js");
        installClient();
        byte[] code = zip("index.mjs", "export const handler = async (e) => e;");
        Path zipFile = Files.write(dir.resolve("code.zip"), code);
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state"))
                .functionRuntime(new InvokeTest.EchoRuntime()).build())) {
            String out = run(List.of("node", INSTALL.resolve("client-check.mjs").toAbsolutePath().toString()),
                    emulator, zipFile);
            var seen = Json.read(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow()
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(seen.path("functionArn").asText())
                    .isEqualTo("arn:aws:lambda:ap-southeast-2:210987654321:function:js-client");
            assertThat(seen.path("version").asText()).isEqualTo("1");
            assertThat(seen.path("aliasArn").asText())
                    .isEqualTo("arn:aws:lambda:ap-southeast-2:210987654321:function:js-client:live");
            assertThat(seen.path("codeSha256").asText()).isEqualTo(Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(code)));
            assertThat(seen.path("executedVersion").asText()).isEqualTo("1");
            assertThat(seen.path("payload").asText()).isEqualTo("{\"from\":\"js\"}");
            assertThat(seen.path("listed").toString()).isEqualTo("[\"js-client\"]");
            assertThat(seen.path("missing").path("name").asText()).isEqualTo("ResourceNotFoundException");
            assertThat(seen.path("missing").path("status").asInt()).isEqualTo(404);
        }
    }

    private static String run(List<String> command, Emulator emulator, Path zipFile) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("EMULATOR_ENDPOINT", emulator.endpoint().toString());
        builder.environment().put("ZIP_FILE", zipFile.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /** {@code npm ci} of the pinned client into target/js-client, once. */
    private static synchronized void installClient() throws IOException, InterruptedException {
        Files.createDirectories(INSTALL);
        for (String file : List.of("package.json", "package-lock.json", "client-check.mjs")) {
            Files.copy(SOURCES.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(INSTALL.resolve("node_modules/@aws-sdk/client-lambda"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(INSTALL.toFile())
                .redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as(out).isTrue();
        assertThat(npm.exitValue()).as("npm ci in " + INSTALL + ":\n" + out).isZero();
    }
}
