package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Minimal S3 on the same port, and Lambda code from S3Bucket/S3Key. */
class S3CodeTest {

    @TempDir
    Path dir;
    Emulator emulator;
    LambdaClient lambda;
    S3Client s3;

    @BeforeEach
    void start() throws Exception {
        emulator = EmulatorFixture.start(dir);
        lambda = EmulatorFixture.lambda(emulator);
        s3 = EmulatorFixture.s3(emulator);
    }

    @AfterEach
    void stop() {
        s3.close();
        lambda.close();
        emulator.close();
    }

    @Test
    void putHeadGetAndCreateFunctionFromS3() throws Exception {
        byte[] zip = zip("example/Handler.class", "code");
        s3.createBucket(b -> b.bucket("artifacts"));
        s3.putObject(b -> b.bucket("artifacts").key("builds/fn.zip"), RequestBody.fromBytes(zip));
        assertThat(s3.headObject(b -> b.bucket("artifacts").key("builds/fn.zip")).contentLength())
                .isEqualTo(zip.length);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("artifacts").key("builds/fn.zip")).asByteArray()).isEqualTo(zip);
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("artifacts").key("missing")))
                .isInstanceOf(NoSuchKeyException.class);

        var created = lambda.createFunction(b -> b.functionName("from-s3").runtime(Runtime.JAVA21)
                .role(EmulatorFixture.ROLE).handler("example.Handler")
                .code(c -> c.s3Bucket("artifacts").s3Key("builds/fn.zip")));
        assertThat(created.codeSha256()).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(zip)));
        assertThatThrownBy(() -> lambda.updateFunctionCode(b -> b.functionName("from-s3").s3Bucket("artifacts")
                .s3Key("nope.zip"))).isInstanceOf(InvalidParameterValueException.class)
                // AWS: LocalStack, TestLambdaFunction::test_lambda_code_location_s3_errors
                .hasMessageContaining("Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The"
                        + " specified key does not exist.");
    }

    @Test
    void multipartUploadAssemblesTheParts() {
        byte[] zip = zip("a.txt", "x".repeat(10_000), "b.txt", "y".repeat(10_000));
        int half = zip.length / 2;
        s3.createBucket(b -> b.bucket("big"));
        String id = s3.createMultipartUpload(b -> b.bucket("big").key("fn.zip")).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket("big").key("fn.zip").uploadId(id).partNumber(1),
                RequestBody.fromBytes(java.util.Arrays.copyOfRange(zip, 0, half))).eTag();
        String e2 = s3.uploadPart(b -> b.bucket("big").key("fn.zip").uploadId(id).partNumber(2),
                RequestBody.fromBytes(java.util.Arrays.copyOfRange(zip, half, zip.length))).eTag();
        s3.completeMultipartUpload(b -> b.bucket("big").key("fn.zip").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(),
                CompletedPart.builder().partNumber(2).eTag(e2).build())));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("big").key("fn.zip")).asByteArray()).isEqualTo(zip);
        var layer = lambda.publishLayerVersion(b -> b.layerName("big").content(c -> c.s3Bucket("big").s3Key("fn.zip")));
        assertThat(layer.content().codeSize()).isEqualTo(zip.length);
    }
}
