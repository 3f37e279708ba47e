package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.ExternalTools;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;

/**
 * A function invoked on the emulator decrypts an environment value encrypted in transit, as on AWS: its execution
 * environment gets the emulator's endpoint ({@code AWS_ENDPOINT_URL}) and credentials of the function's account, and another AWS SDK than the emulator's own (the AWS CLI's botocore, in a bash custom runtime) calls KMS
 * Decrypt with the function name as encryption context.
 */
class FunctionKmsTest {

    @TempDir
    Path dir;

    @Test
    void aFunctionDecryptsItsSecretWithKmsOnTheEmulatorAndOnlyUnderItsOwnName() throws Exception {
        ExternalTools.require("aws", "pip install awscli, or AWS CLI v2");
        byte[] bootstrap = Files.readAllBytes(resource("runtime/kms-bootstrap"));
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state"))
                        .functionRuntime(new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work"))))
                        .build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator);
                // the account the Lambda client's key id falls back to: the functions' account
                KmsClient kms = KmsApiTest.kms(emulator, "123456789012", Region.US_EAST_1)) {
            String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.createAlias(b -> b.aliasName("alias/orders").targetKeyId(keyId));
            byte[] zip = EmulatorFixture.zip("bootstrap", new String(bootstrap, StandardCharsets.UTF_8));
            for (String name : new String[] {"orders", "billing"}) {
                // both carry a value encrypted for "orders": only that function may open it
                String secret = Base64.getEncoder().encodeToString(kms.encrypt(b -> b.keyId("alias/orders")
                        .plaintext(SdkBytes.fromUtf8String("pa55word"))
                        .encryptionContext(Map.of("LambdaFunctionName", "orders"))).ciphertextBlob().asByteArray());
                lambda.createFunction(EmulatorFixture.createRequest(name, zip).runtime("provided.al2023")
                        .handler("unused").timeout(30)
                        .environment(Environment.builder().variables(Map.of("SECRET", secret)).build()).build());
            }

            String orders = lambda.invoke(b -> b.functionName("orders")).payload().asUtf8String();
            assertThat(orders).startsWith("{\"plaintext\":\"");
            String plaintext = orders.substring("{\"plaintext\":\"".length(), orders.length() - 2);
            assertThat(new String(Base64.getDecoder().decode(plaintext), StandardCharsets.UTF_8)).isEqualTo("pa55word");

            assertThat(lambda.invoke(b -> b.functionName("billing")).payload().asUtf8String())
                    .startsWith("{\"error\":").contains("InvalidCiphertextException");
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FunctionKmsTest.class.getClassLoader().getResource(name).toURI());
    }
}
