package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** Invoke's 6 MB request limit, and the AWS CLI's {@code aws lambda invoke} against the emulator. */
class InvokeLimitsAndCliTest {

    private static final int SYNC_LIMIT = 6 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void payloadsAboveSixMegabytesAreRefusedAsAwsDoes() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state"))
                        .functionRuntime(new InvokeTest.EchoRuntime()).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("big", zip("a", "1")).build());
            // AWS: "Request must be smaller than 6291456 bytes" (quoted in JupiterOne/sdk#565): one byte less fits
            String underLimit = "\"" + "x".repeat(SYNC_LIMIT - 3) + "\"";
            assertThat(lambda.invoke(b -> b.functionName("big").payload(SdkBytes.fromUtf8String(underLimit)))
                    .statusCode()).isEqualTo(200);

            String aboveLimit = "\"" + "x".repeat(SYNC_LIMIT - 2) + "\"";
            assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("big")
                    .payload(SdkBytes.fromUtf8String(aboveLimit))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(413);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                        // AWS: https://github.com/pelmers/streetwarp-web/issues/14 (RequestEntityTooLargeException)
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
                    });
        }
    }

    @Test
    void theAwsCliInvokesThroughAnAliasAndGetsTheLogTail() throws Exception {
        AwsCli.require();
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state"))
                        .functionRuntime(new InvokeTest.EchoRuntime()).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("cli", zip("a", "1")).publish(true).build());
            lambda.createAlias(b -> b.functionName("cli").name("live").functionVersion("1"));
            Path out = dir.resolve("out.json");

            Path event = Files.writeString(dir.resolve("event.json"), "{\"order\":7}");
            // fileb:// reads the payload as raw bytes in AWS CLI v1 and v2 alike
            String answer = AwsCli.run(dir, emulator.endpoint(), "lambda", "invoke", "--function-name", "cli:live",
                    "--log-type", "Tail",
                    "--payload", "fileb://" + event, "--query", "[StatusCode,ExecutedVersion,LogResult]",
                    "--output", "text", out.toString());

            String[] fields = answer.trim().split("\\s+");
            assertThat(fields[0]).isEqualTo("200");
            assertThat(fields[1]).isEqualTo("1");
            assertThat(new String(Base64.getDecoder().decode(fields[2]), StandardCharsets.UTF_8)).isEqualTo("log line 1");
            assertThat(Files.readString(out)).isEqualTo("{\"order\":7}");
        }
    }
}
