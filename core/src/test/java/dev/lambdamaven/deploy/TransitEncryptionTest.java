package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.config.TransitKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Secrets encrypted in transit, deployed through the one deployer to the emulator (and to moto_server, a second KMS):
 * the deployed value is a KMS ciphertext under the function's name, an unchanged secret costs one Decrypt and
 * publishes nothing, a changed value or key is encrypted again, and mistakes are named before anything changes.
 */
class TransitEncryptionTest {

    @TempDir
    Path dir;

    private static final DeployOptions DRY_RUN = new DeployOptions(true, false, null, null, null);

    private final RecordingLog log = new RecordingLog();

    @Test
    void onTheEmulatorAnUnchangedSecretKeepsItsCiphertextAndAChangedValueOrKeyIsEncryptedAgain() throws Exception {
        try (EmulatorPeer emulator = EmulatorPeer.start()) {
            lifecycle(emulator.endpoint());
        }
    }

    @Test
    void onMotoServerTheSameLifecycleHolds() throws Exception {
        try (MotoServer moto = MotoServer.start()) {
            // moto answers a KeyId of another key with AccessDeniedException (AWS: IncorrectKeyException): the
            // deployer warns that it cannot compare, and encrypts again all the same
            lifecycle(moto.endpoint());
        }
    }

    private void lifecycle(URI endpoint) throws Exception {
        String role = DeployPeer.ROLE_ARN;
        try (AwsClients clients = clients(endpoint); Deployer deployer = deployer(endpoint)) {
            FunctionSpec first = spec(role, "pa55word", "alias/orders-secrets");

            FunctionResult created = deployer.deployFunction(first, DeployOptions.DEFAULTS);
            assertThat(created.version()).isEqualTo("1");
            assertThat(log.text()).contains("KMS key alias/orders-secrets did not exist on this local target: created it")
                    .contains("Function orders: DB_PASSWORD encrypted in transit with KMS key alias/orders-secrets"
                            + " (encrypted)")
                    .contains("environment.DB_PASSWORD: (none) -> ****")
                    .doesNotContain("pa55word");
            String ciphertext = deployedSecret(clients);
            assertThat(ciphertext).isNotEqualTo("pa55word");
            assertThat(decrypt(clients, ciphertext, "orders")).isEqualTo("pa55word");
            assertThat(clients.lambda().getFunctionConfiguration(b -> b.functionName("orders")).environment()
                    .variables()).containsEntry("TABLE", "orders");

            log.lines.clear();
            Deployer again = deployer(endpoint);
            FunctionResult unchanged = again.deployFunction(first, DeployOptions.DEFAULTS);
            assertThat(unchanged.changed()).isFalse();
            assertThat(unchanged.version()).isEqualTo("1");
            assertThat(deployedSecret(clients)).isEqualTo(ciphertext);
            assertThat(log.text()).contains("DB_PASSWORD encrypted in transit with KMS key alias/orders-secrets"
                    + " (unchanged)");
            // GetFunction, one Decrypt, PublishVersion (a no-op)
            assertThat(again.apiCalls()).isEqualTo(3);
            again.close();

            // a dry run of a changed value plans the change and encrypts nothing
            FunctionSpec rotated = spec(role, "n3w-pa55word", "alias/orders-secrets");
            Plan planned = deployer(endpoint).deployFunction(rotated, DRY_RUN).plan();
            assertThat(planned.configChanges()).extracting(Change::toString)
                    .containsExactly("environment.DB_PASSWORD: **** -> ****");
            assertThat(deployedSecret(clients)).isEqualTo(ciphertext);

            FunctionResult changed = deployer.deployFunction(rotated, DeployOptions.DEFAULTS);
            assertThat(changed.version()).isEqualTo("2");
            assertThat(decrypt(clients, deployedSecret(clients), "orders")).isEqualTo("n3w-pa55word");

            String before = deployedSecret(clients);
            FunctionResult rekeyed = deployer.deployFunction(spec(role, "n3w-pa55word", "alias/other-key"),
                    DeployOptions.DEFAULTS);
            assertThat(rekeyed.version()).isEqualTo("3");
            String after = deployedSecret(clients);
            assertThat(after).isNotEqualTo(before);
            assertThat(clients.kms().decrypt(b -> b.ciphertextBlob(blob(after)).keyId("alias/other-key")
                    .encryptionContext(Map.of("LambdaFunctionName", "orders"))).plaintext().asUtf8String())
                    .isEqualTo("n3w-pa55word");
        }
    }

    @Test
    void theDevLoopsUpdateOfLatestEncryptsAsPublishingDoes() throws Exception {
        try (EmulatorPeer emulator = EmulatorPeer.start(); AwsClients clients = clients(emulator.endpoint());
                Deployer deployer = deployer(emulator.endpoint())) {
            FunctionSpec spec = spec(DeployPeer.ROLE_ARN, "pa55word", "alias/orders-secrets");
            deployer.deployLatest(spec, null);
            String ciphertext = deployedSecret(clients);
            assertThat(decrypt(clients, ciphertext, "orders")).isEqualTo("pa55word");

            assertThat(deployer.deployLatest(spec, null).configChanges()).isEmpty();
            assertThat(deployedSecret(clients)).isEqualTo(ciphertext);
        }
    }

    @Test
    void aMissingKeyIdADisabledKeyAndAKeyOfAnotherRegionAreNamedBeforeTheFunctionChanges() throws Exception {
        try (EmulatorPeer emulator = EmulatorPeer.start();
                AwsClients clients = clients(emulator.endpoint());
                Deployer deployer = deployer(emulator.endpoint())) {
            String role = DeployPeer.ROLE_ARN;
            assertThatThrownBy(() -> deployer.deployFunction(spec(role, "x", "1234abcd-12ab-34cd-56ef-1234567890ab"),
                    DeployOptions.DEFAULTS))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining("<secrets/secret[DB_PASSWORD]>")
                    .hasMessageContaining("Key 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'"
                            + " does not exist")
                    .hasMessageContaining("aws kms create-key");

            String keyId = clients.kms().createKey(b -> { }).keyMetadata().keyId();
            clients.kms().disableKey(b -> b.keyId(keyId));
            assertThatThrownBy(() -> deployer.deployFunction(spec(role, "x", keyId), DeployOptions.DEFAULTS))
                    .isInstanceOf(InvalidSpecException.class).hasMessageContaining("disabled")
                    .hasMessageContaining("aws kms enable-key");

            assertThatThrownBy(() -> deployer.deployFunction(spec(role, "x",
                    "arn:aws:kms:eu-west-1:123456789012:alias/orders"), DeployOptions.DEFAULTS))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining("the key is in eu-west-1 and the function in us-east-1");

            assertThat(clients.lambda().listFunctions().functions()).isEmpty();
        }
    }

    @Test
    void aValueWhoseCiphertextOutgrowsLambdasFourKilobytesSaysSo() throws Exception {
        try (EmulatorPeer emulator = EmulatorPeer.start(); Deployer deployer = deployer(emulator.endpoint())) {
            FunctionSpec spec = FunctionSpec.builder("big", TestZips.zip(dir, "big.zip", "code"))
                    .handler("com.acme.Handler::handleRequest").runtime("java21")
                    .role(DeployPeer.ROLE_ARN)
                    .environment(new Environment(Map.of(), Map.of("BLOB", SecretValue.of("x".repeat(3500),
                            new TransitKey("alias/big"))))).build();
            assertThatThrownBy(() -> deployer.deployFunction(spec, DRY_RUN)).isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining("Lambda allows 4096").hasMessageContaining("encrypted in transit")
                    .hasMessageNotContaining("xxxx");
        }
    }

    private FunctionSpec spec(String role, String password, String key) throws Exception {
        return FunctionSpec.builder("orders", TestZips.zip(dir, "orders.zip", "code"))
                .handler("com.acme.Handler::handleRequest").runtime("java21").role(role)
                .environment(new Environment(Map.of("TABLE", "orders"),
                        Map.of("DB_PASSWORD", SecretValue.of(password, new TransitKey(key)))))
                .build();
    }

    private Deployer deployer(URI endpoint) {
        return new Deployer(clients(endpoint), log, new Retry(millis -> { }, log), CodeUploader.DIRECT_UPLOAD_LIMIT,
                Clock.systemUTC(), millis -> { });
    }

    private static AwsClients clients(URI endpoint) {
        return new AwsClients(new Target(Target.Kind.EMULATOR, endpoint, null, null));
    }

    private static String deployedSecret(AwsClients clients) {
        return clients.lambda().getFunctionConfiguration(b -> b.functionName("orders")).environment().variables()
                .get("DB_PASSWORD");
    }

    private static String decrypt(AwsClients clients, String ciphertext, String function) {
        try {
            return clients.kms().decrypt(b -> b.ciphertextBlob(blob(ciphertext))
                    .encryptionContext(Map.of("LambdaFunctionName", function))).plaintext().asUtf8String();
        } catch (KmsException e) {
            throw new AssertionError("the deployed value does not decrypt under " + function, e);
        }
    }

    private static SdkBytes blob(String base64) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
    }
}
