package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;

/**
 * The emulator's KMS through the SDK v2 {@code KmsClient} and the AWS CLI: keys per account and region, aliases,
 * Encrypt, Decrypt and data keys with encryption contexts, and AWS's errors. Expected error texts are AWS's answers
 * recorded in LocalStack's snapshot tests ({@code tests/aws/services/kms/test_kms.snapshot.json}, named per case
 * below) or quoted from AWS in public issues, unless a comment says the wording is the emulator's own.
 */
class KmsApiTest {

    private static final String ACCOUNT = "111122223333";
    private static final Map<String, String> CONTEXT = Map.of("LambdaFunctionName", "orders");

    @TempDir
    Path dir;
    Emulator emulator;
    KmsClient kms;

    @BeforeEach
    void start() throws IOException {
        emulator = EmulatorFixture.start(dir.resolve("state"));
        kms = kms(emulator, ACCOUNT, Region.US_EAST_1);
    }

    @AfterEach
    void stop() {
        kms.close();
        emulator.close();
    }

    static KmsClient kms(Emulator emulator, String accessKeyId, Region region) {
        return KmsClient.builder().endpointOverride(emulator.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "s")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @Test
    void aKeyIsNamedByIdArnAliasAndAliasArnAndDescribedAsKmsDescribesIt() {
        KeyMetadata created = kms.createKey(b -> b.description("orders secrets")).keyMetadata();
        kms.createAlias(b -> b.aliasName("alias/orders").targetKeyId(created.keyId()));

        assertThat(created.arn()).isEqualTo("arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + created.keyId());
        assertThat(created.keyId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        // the fields of AWS's recorded DescribeKey answer (test_create_key)
        assertThat(created.awsAccountId()).isEqualTo(ACCOUNT);
        assertThat(created.enabled()).isTrue();
        assertThat(created.keyStateAsString()).isEqualTo("Enabled");
        assertThat(created.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(created.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(created.customerMasterKeySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(created.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(created.keyManagerAsString()).isEqualTo("CUSTOMER");
        assertThat(created.originAsString()).isEqualTo("AWS_KMS");
        assertThat(created.multiRegion()).isFalse();
        assertThat(created.description()).isEqualTo("orders secrets");
        assertThat(created.creationDate()).isNotNull();
        for (String name : List.of(created.keyId(), created.arn(), "alias/orders",
                "arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/orders")) {
            assertThat(kms.describeKey(b -> b.keyId(name)).keyMetadata()).as(name).isEqualTo(created);
        }
    }

    @Test
    void encryptedUnderAContextItDecryptsOnlyWithThatContextAndWithoutKeyId() {
        String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
        kms.createAlias(b -> b.aliasName("alias/orders").targetKeyId(keyId));
        EncryptResponse encrypted = kms.encrypt(b -> b.keyId("alias/orders").encryptionContext(CONTEXT)
                .plaintext(SdkBytes.fromUtf8String("s3cr3t")));
        assertThat(encrypted.keyId()).isEqualTo("arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + keyId);
        assertThat(encrypted.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(new String(encrypted.ciphertextBlob().asByteArray(), StandardCharsets.ISO_8859_1))
                .doesNotContain("s3cr3t");

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob())
                .encryptionContext(CONTEXT));
        assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("s3cr3t");
        assertThat(decrypted.keyId()).isEqualTo(encrypted.keyId());
        assertThat(decrypted.keyMaterialId()).isEqualTo(kms.describeKey(b -> b.keyId(keyId)).keyMetadata()
                .currentKeyMaterialId());

        // a new nonce each time: two ciphertexts of one value differ
        assertThat(kms.encrypt(b -> b.keyId(keyId).encryptionContext(CONTEXT)
                .plaintext(SdkBytes.fromUtf8String("s3cr3t"))).ciphertextBlob()).isNotEqualTo(encrypted.ciphertextBlob());

        // test_encrypt_decrypt_encryption_context: no context, or a cut blob, is InvalidCiphertextException
        // with an empty message
        assertKmsError(() -> kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob())), 400,
                "InvalidCiphertextException", null);
        assertKmsError(() -> kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob())
                .encryptionContext(Map.of("LambdaFunctionName", "other"))), 400, "InvalidCiphertextException", null);
        byte[] tampered = encrypted.ciphertextBlob().asByteArray();
        tampered[tampered.length - 1] ^= 1;
        assertKmsError(() -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(tampered))
                .encryptionContext(CONTEXT)), 400, "InvalidCiphertextException", null);
        assertKmsError(() -> kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromUtf8String("not a ciphertext blob"))),
                400, "InvalidCiphertextException", null);
    }

    @Test
    void decryptWithAnotherKeyIdIsIncorrectKeyAndADisabledKeyNeitherEncryptsNorDecrypts() {
        String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
        String other = kms.createKey(b -> { }).keyMetadata().keyId();
        SdkBytes blob = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();

        assertThat(kms.decrypt(b -> b.ciphertextBlob(blob).keyId(keyId)).plaintext().asUtf8String()).isEqualTo("x");
        // test_error_messaging_for_invalid_keys
        assertKmsError(() -> kms.decrypt(b -> b.ciphertextBlob(blob).keyId(other)), 400, "IncorrectKeyException",
                "The key ID in the request does not identify a CMK that can perform this operation.");

        kms.disableKey(b -> b.keyId(keyId));
        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().keyStateAsString()).isEqualTo("Disabled");
        String arn = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + keyId;
        // the form of test_rotate_key_on_demand_raises_error_given_key_is_disabled
        assertKmsError(() -> kms.decrypt(b -> b.ciphertextBlob(blob)), 400, "DisabledException", arn + " is disabled.");
        assertKmsError(() -> kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))), 400,
                "DisabledException", arn + " is disabled.");
        kms.enableKey(b -> b.keyId(keyId));
        assertThat(kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("x");
    }

    @Test
    void dataKeysDecryptToTheirPlaintextAndNeedEitherASpecOrALength() {
        String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
        GenerateDataKeyResponse key = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(CONTEXT));
        assertThat(key.plaintext().asByteArray()).hasSize(32);
        assertThat(key.keyId()).endsWith(":key/" + keyId);
        assertThat(kms.decrypt(b -> b.ciphertextBlob(key.ciphertextBlob()).encryptionContext(CONTEXT)).plaintext())
                .isEqualTo(key.plaintext());
        assertThat(kms.generateDataKey(b -> b.keyId(keyId).numberOfBytes(64)).plaintext().asByteArray()).hasSize(64);
        assertThat(kms.generateDataKeyWithoutPlaintext(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_128))
                .ciphertextBlob().asByteArray()).isNotEmpty();

        // the emulator's wording of the API reference's rule
        assertKmsError(() -> kms.generateDataKey(b -> b.keyId(keyId)), 400, "ValidationException",
                "Specify either KeySpec or NumberOfBytes, not both.");
        // the form of test_generate_random_invalid_number_of_bytes[1025]
        assertKmsError(() -> kms.generateDataKey(b -> b.keyId(keyId).numberOfBytes(1025)), 400, "ValidationException",
                "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must"
                        + " have value less than or equal to 1024");
        assertKmsError(() -> kms.generateRandom(b -> b.numberOfBytes(0)), 400, "ValidationException",
                "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must"
                        + " have value greater than or equal to 1");
    }

    @Test
    void keysAreNamedAsAwsValidatesThem() {
        String keyArn = kms.createKey(b -> { }).keyMetadata().arn();
        // test_plaintext_size_for_encrypt: the value of a blob is never echoed
        assertKmsError(() -> kms.encrypt(b -> b.keyId(keyArn).plaintext(SdkBytes.fromByteArray(new byte[4097]))), 400,
                "ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 4096");
        // test_get_key_invalid_uuid
        assertKmsError(() -> kms.describeKey(b -> b.keyId("fake-key-id")), 400, "NotFoundException",
                "Invalid keyId 'fake-key-id'");
        assertKmsError(() -> kms.describeKey(b -> b.keyId("134f2428cec14b25a1ae9048164dba47")), 400,
                "NotFoundException", "Invalid keyId '134f2428cec14b25a1ae9048164dba47'");
        // test_get_key_does_not_exist
        String missing = "134f2428-cec1-4b25-a1ae-9048164dba47";
        assertKmsError(() -> kms.describeKey(b -> b.keyId(missing)), 400, "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + missing + "' does not exist");
        // test_get_key_in_different_region: a key ARN of another region
        assertKmsError(() -> kms.describeKey(b -> b.keyId(keyArn.replace("us-east-1", "us-west-2"))), 400,
                "NotFoundException", "Invalid arn us-west-2");
        // LocalStack and moto: AWS names a missing alias by its ARN
        assertKmsError(() -> kms.encrypt(b -> b.keyId("alias/missing").plaintext(SdkBytes.fromUtf8String("x"))),
                400, "NotFoundException", "Alias arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/missing is not found.");
        assertKmsError(() -> kms.describeKey(b -> b.keyId("")), 400, "ValidationException",
                "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length"
                        + " greater than or equal to 1");
    }

    @Test
    void aliasesStartWithAliasPrefixAreUniqueAndNeverNameAwsManagedKeys() {
        String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
        // test_create_alias
        assertKmsError(() -> kms.createAlias(b -> b.aliasName("orders").targetKeyId(keyId)), 400,
                "ValidationException", "Alias must start with the prefix \"alias/\". Please see"
                        + " https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        kms.createAlias(b -> b.aliasName("alias/orders").targetKeyId(keyId));
        // LocalStack's and moto's wording
        assertKmsError(() -> kms.createAlias(b -> b.aliasName("alias/orders").targetKeyId(keyId)), 400,
                "AlreadyExistsException", "An alias with the name arn:aws:kms:us-east-1:" + ACCOUNT
                        + ":alias/orders already exists");
        assertKmsError(() -> kms.createAlias(b -> b.aliasName("alias/aws/orders").targetKeyId(keyId)), 400,
                "NotAuthorizedException", null);
        assertKmsError(() -> kms.createAlias(b -> b.aliasName("alias/other").targetKeyId("alias/orders")), 400,
                "ValidationException", "Aliases must refer to keys. Not aliases");
        assertKmsError(() -> kms.createAlias(b -> b.aliasName("alias/sp ace").targetKeyId(keyId)), 400,
                "ValidationException", "1 validation error detected: Value 'alias/sp ace' at 'aliasName' failed to"
                        + " satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");

        String next = kms.createKey(b -> { }).keyMetadata().keyId();
        kms.updateAlias(b -> b.aliasName("alias/orders").targetKeyId(next));
        assertThat(kms.describeKey(b -> b.keyId("alias/orders")).keyMetadata().keyId()).isEqualTo(next);
        kms.deleteAlias(b -> b.aliasName("alias/orders"));
        assertKmsError(() -> kms.deleteAlias(b -> b.aliasName("alias/orders")), 400, "NotFoundException",
                "Alias arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/orders is not found.");
    }

    @Test
    void awsLambdaAliasNamesAnAwsManagedKeyMadeOnFirstUse() {
        assertThat(kms.listAliases().aliases()).isEmpty();
        KeyMetadata managed = kms.describeKey(b -> b.keyId("alias/aws/lambda")).keyMetadata();
        assertThat(managed.keyManagerAsString()).isEqualTo("AWS");
        assertThat(kms.describeKey(b -> b.keyId("alias/aws/lambda")).keyMetadata().keyId()).isEqualTo(managed.keyId());
        assertThat(kms.listAliases().aliases()).extracting(AliasListEntry::aliasName, AliasListEntry::targetKeyId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alias/aws/lambda", managed.keyId()));
    }

    @Test
    void listsPageWithLimitAndMarkerAndFilterAliasesByKey() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = kms.createKey(b -> { }).keyMetadata().keyId();
            ids.add(id);
            int n = i;
            kms.createAlias(b -> b.aliasName("alias/k" + n).targetKeyId(id));
        }
        List<String> listed = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListKeysResponse page = kms.listKeys(b -> b.limit(2).marker(from));
            page.keys().forEach(k -> listed.add(k.keyId()));
            assertThat(page.keys()).allSatisfy(k -> assertThat(k.keyArn()).endsWith(":key/" + k.keyId()));
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(kms.listKeysPaginator(b -> b.limit(1)).keys()).hasSize(3);

        assertThat(kms.listAliases(b -> b.keyId(ids.get(1))).aliases()).extracting(AliasListEntry::aliasName)
                .containsExactly("alias/k1");
        assertThat(kms.listAliases(b -> b.limit(2)).truncated()).isTrue();
        assertKmsError(() -> kms.listKeys(b -> b.marker("garbage")), 400, "InvalidMarkerException", null);
    }

    @Test
    void keysBelongToTheirAccountAndRegionAndCiphertextsDoNotTravel() {
        String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
        SdkBytes blob = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();
        try (KmsClient west = kms(emulator, ACCOUNT, Region.US_WEST_2);
                KmsClient otherAccount = kms(emulator, "444455556666", Region.US_EAST_1)) {
            assertThat(west.listKeys().keys()).isEmpty();
            assertKmsError(() -> west.describeKey(b -> b.keyId(keyId)), 400, "NotFoundException",
                    "Key 'arn:aws:kms:us-west-2:" + ACCOUNT + ":key/" + keyId + "' does not exist");
            // AWS's answer for a ciphertext of a key it cannot find there (aceew/aws-lambda-env-vars#7)
            String accessDenied = "The ciphertext refers to a customer master key that does not exist, does not exist"
                    + " in this region, or you are not allowed to access.";
            assertKmsError(() -> west.decrypt(b -> b.ciphertextBlob(blob)), 400, "AccessDeniedException", accessDenied);
            assertKmsError(() -> otherAccount.decrypt(b -> b.ciphertextBlob(blob)), 400, "AccessDeniedException",
                    accessDenied);
            assertThat(otherAccount.listKeys().keys()).isEmpty();
        }
    }

    @Test
    void keysSurviveARestartAndTheirMaterialIsNotStoredInPlaintext() throws Exception {
        String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> b.keyId(keyId).numberOfBytes(32));
        kms.close();
        emulator.close();

        emulator = EmulatorFixture.start(dir.resolve("state"));
        kms = kms(emulator, ACCOUNT, Region.US_EAST_1);
        assertThat(kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())).plaintext())
                .isEqualTo(dataKey.plaintext());
        // the stored material is sealed with the state directory's key: no 32 bytes of it open the blob as its key
        byte[] blob = dataKey.ciphertextBlob().asByteArray();
        int header = 2 + (blob[1] & 0xFF);
        byte[] sealed;
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state/emulator.db"));
                var rs = c.createStatement().executeQuery("SELECT material FROM kms_keys")) {
            assertThat(rs.next()).isTrue();
            sealed = rs.getBytes(1);
        }
        assertThat(sealed.length).isGreaterThan(32);
        for (int offset = 0; offset + 32 <= sealed.length; offset++) {
            assertThat(opens(blob, header, java.util.Arrays.copyOfRange(sealed, offset, offset + 32)))
                    .as("stored bytes at " + offset + " are the key").isFalse();
        }
    }

    /** Whether {@code material} opens an emulator blob made without encryption context (see kms.Ciphertext). */
    private static boolean opens(byte[] blob, int header, byte[] material) {
        try {
            var cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(material, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, blob, header, 12));
            cipher.updateAAD(blob, 0, header);
            cipher.doFinal(blob, header + 12, blob.length - header - 12);
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    @Test
    void errorsAreJson11WithTypeAndMessageAndUnknownTargetsAreRefused() throws Exception {
        SignedHttp http = new SignedHttp(emulator.endpoint());
        Map<String, String> json11 = Map.of("Content-Type", "application/x-amz-json-1.1");
        HttpResponse<String> missing = http.send("POST", "/", "{\"KeyId\":\"alias/none\"}", "kms",
                headers(json11, "TrentService.DescribeKey"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(missing.body()).isEqualTo("{\"__type\":\"NotFoundException\",\"message\":\"Alias"
                + " arn:aws:kms:us-east-1:123456789012:alias/none is not found.\"}");

        HttpResponse<String> unknown = http.send("POST", "/", "{}", "kms", headers(json11, "TrentService.Sing"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"__type\":\"UnknownOperationException\"");

        // a DynamoDB client sent here by a function's AWS_ENDPOINT_URL: told what the emulator serves
        HttpResponse<String> dynamo = http.send("POST", "/", "{}", "dynamodb", headers(Map.of("Content-Type",
                "application/x-amz-json-1.0"), "DynamoDB_20120810.GetItem"));
        assertThat(dynamo.statusCode()).isEqualTo(400);
        assertThat(dynamo.body()).contains("\"__type\":\"UnknownOperationException\"")
                .contains("not DynamoDB_20120810").contains("AWS_ENDPOINT_URL_<SERVICE>");

        HttpResponse<String> wrongType = http.send("POST", "/", "{\"KeyId\":7}", "kms",
                headers(json11, "TrentService.DescribeKey"));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"__type\":\"SerializationException\"");

        HttpResponse<String> notJson = http.send("POST", "/", "{\"Plaintext\": s3cr3t", "kms",
                headers(json11, "TrentService.Encrypt"));
        assertThat(notJson.body()).contains("SerializationException").doesNotContain("s3cr3t");

        // signed for another service: refused in KMS's error shape
        HttpResponse<String> lambdaSigned = http.send("POST", "/", "{}", "lambda",
                headers(json11, "TrentService.ListKeys"));
        assertThat(lambdaSigned.statusCode()).isEqualTo(403);
        assertThat(lambdaSigned.body()).contains("\"__type\":\"InvalidSignatureException\"");
    }

    @Test
    void theAwsCliEncryptsAndDecrypts() throws Exception {
        AwsCli.require();
        String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
        kms.createAlias(b -> b.aliasName("alias/cli").targetKeyId(keyId));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "from the CLI");
        String blob = cli("kms", "encrypt", "--key-id", "alias/cli", "--plaintext", "fileb://" + plain,
                "--encryption-context", "LambdaFunctionName=orders", "--query", "CiphertextBlob", "--output", "text")
                .trim();
        Path blobFile = Files.write(dir.resolve("blob.bin"), Base64.getDecoder().decode(blob));
        String decrypted = cli("kms", "decrypt", "--ciphertext-blob", "fileb://" + blobFile, "--encryption-context",
                "LambdaFunctionName=orders", "--query", "Plaintext", "--output", "text").trim();
        assertThat(new String(Base64.getDecoder().decode(decrypted), StandardCharsets.UTF_8)).isEqualTo("from the CLI");
        // and the SDK decrypts what the CLI encrypted
        assertThat(kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode(blob)))
                .encryptionContext(CONTEXT)).plaintext().asUtf8String()).isEqualTo("from the CLI");
        assertThat(cli("kms", "list-aliases", "--query", "Aliases[].AliasName", "--output", "text").trim())
                .isEqualTo("alias/cli");
    }

    private static Map<String, String> headers(Map<String, String> base, String target) {
        Map<String, String> headers = new java.util.HashMap<>(base);
        headers.put("X-Amz-Target", target);
        return headers;
    }

    private String cli(String... args) throws IOException, InterruptedException {
        return AwsCli.runAs(dir, emulator.endpoint(), ACCOUNT, args);
    }

    private static void assertKmsError(Runnable call, int status, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }
}
