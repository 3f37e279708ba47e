package dev.lambdamaven.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts emulators on temp directories and builds SDK clients for them (no retries, static credentials, each call
 * bounded in time).
 */
public final class EmulatorFixture {

    /** The role of test functions: the one {@code dev.lambdamaven.deploy.MotoServer} creates in moto too. */
    public static final String ROLE = "arn:aws:iam::123456789012:role/lambda-test";

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

    private EmulatorFixture() {}

    public static Emulator start(Path dir) throws IOException {
        return Emulator.start(options(dir).build());
    }

    /** Zero delays: functions are Active and updates Successful at once. */
    public static EmulatorOptions.Builder options(Path dir) {
        return EmulatorOptions.builder().stateDir(dir).port(0).activationDelay(Duration.ZERO)
                .updateDelay(Duration.ZERO).vpcActivationDelay(Duration.ZERO);
    }

    /** No SDK call in a test waits longer than this for its answer. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** Anything with an endpoint: an in-process emulator or one in another process. */
    public interface HasEndpoint {
        java.net.URI endpoint();
    }

    public static LambdaClient lambda(Emulator emulator) {
        return lambda((HasEndpoint) emulator::endpoint);
    }

    public static LambdaClient lambda(HasEndpoint emulator) {
        return lambda(emulator, "us-east-1");
    }

    /** A client signing for {@code region}: the emulator keeps each region's state apart. */
    public static LambdaClient lambda(HasEndpoint emulator, String region) {
        return LambdaClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(region))
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1))
                        .apiCallTimeout(API_CALL_TIMEOUT))
                .build();
    }

    public static Ec2Client ec2(Emulator emulator) {
        return Ec2Client.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    /** Path style, as the emulator serves S3. */
    public static S3Client s3(Emulator emulator) {
        return S3Client.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(CREDENTIALS).build();
    }

    public static byte[] zip(String... namesAndContents) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (int i = 0; i < namesAndContents.length; i += 2) {
                    out.putNextEntry(new ZipEntry(namesAndContents[i]));
                    out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CreateFunctionRequest.Builder createRequest(String name, byte[] zip) {
        return CreateFunctionRequest.builder().functionName(name).runtime(Runtime.JAVA21).role(ROLE)
                .handler("example.Handler::handleRequest").code(FunctionCode.builder()
                        .zipFile(SdkBytes.fromByteArray(zip)).build());
    }
}
