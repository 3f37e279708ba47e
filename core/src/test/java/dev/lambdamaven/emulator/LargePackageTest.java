package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Packages of the sizes users ship, through the SDK v2 as a deploy sends them: AWS takes a zip of up to 52428800
 * bytes in a request of less than 70167211 bytes for CreateFunction, UpdateFunctionCode and PublishLayerVersion
 * (recorded on AWS in LocalStack's test_lambda_api.snapshot.json, test_oversized_zipped_create_lambda and
 * test_oversized_request_create_lambda, 2025-11-25). The emulator here runs in a JVM of its own with a 64 MB heap:
 * a 49 MB zip held as one base64 string (65 MB of characters) would not fit, so these pass only if the package
 * streams from the socket into the blob store.
 */
class LargePackageTest {

    private static final int MB = 1024 * 1024;
    private static final long LIMIT = 70_167_211L;

    @TempDir
    static Path dir;
    static EmulatorProcessMain.Child child;
    static LambdaClient lambda;

    @BeforeAll
    static void start() throws Exception {
        child = EmulatorProcessMain.start(Files.createDirectories(dir.resolve("state")), "-Xmx64m");
        lambda = EmulatorFixture.lambda(child::endpoint);
    }

    @AfterAll
    static void stop() throws Exception {
        lambda.close();
        child.close();
    }

    @Test
    void createUpdateAndPublishTakePackagesOfUpTo49Megabytes() throws Exception {
        byte[] small = storedZip(16 * MB, 1);
        var created = lambda.createFunction(createRequest("big", small).build());
        assertThat(created.codeSize()).isEqualTo(small.length);
        assertThat(created.codeSha256()).isEqualTo(sha256(small));

        byte[] medium = storedZip(30 * MB, 2);
        var updated = lambda.updateFunctionCode(b -> b.functionName("big").zipFile(SdkBytes.fromByteArray(medium)));
        assertThat(updated.codeSha256()).isEqualTo(sha256(medium));

        byte[] large = storedZip(49 * MB, 3);
        assertThat(requestSize(large)).isLessThan(LIMIT);
        var layer = lambda.publishLayerVersion(b -> b.layerName("deps").content(c -> c.zipFile(
                SdkBytes.fromByteArray(large))));
        assertThat(layer.content().codeSha256()).isEqualTo(sha256(large));
        assertThat(layer.content().codeSize()).isEqualTo(large.length);
        var again = lambda.updateFunctionCode(b -> b.functionName("big").zipFile(SdkBytes.fromByteArray(large)));
        assertThat(again.codeSize()).isEqualTo(large.length);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("big")).codeSha256())
                .isEqualTo(sha256(large));
    }

    @Test
    void aZipAboveFiftyMegabytesIsRefusedBeforeTheRequestSize() throws Exception {
        byte[] tooLarge = storedZip(50 * MB, 4); // a few bytes more than 52428800
        assertThat(tooLarge.length).isGreaterThan(52_428_800);
        lambda.createFunction(createRequest("small", storedZip(1024, 5)).build());
        assertThatThrownBy(() -> lambda.createFunction(createRequest("huge", tooLarge).build()))
                .isInstanceOfSatisfying(LambdaException.class, e -> refused(e, "Zipped size must be smaller than"
                        + " 52428800 bytes"));
        assertThatThrownBy(() -> lambda.updateFunctionCode(b -> b.functionName("small")
                .zipFile(SdkBytes.fromByteArray(tooLarge))))
                .isInstanceOfSatisfying(LambdaException.class, e -> refused(e, "Zipped size must be smaller than"
                        + " 52428800 bytes"));
        assertThatThrownBy(() -> lambda.publishLayerVersion(b -> b.layerName("huge").content(c -> c.zipFile(
                SdkBytes.fromByteArray(tooLarge)))))
                .isInstanceOfSatisfying(LambdaException.class, e -> refused(e, "Zipped size must be smaller than"
                        + " 52428800 bytes"));
        assertThat(lambda.listFunctions().functions()).extracting(f -> f.functionName()).doesNotContain("huge");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("small")).codeSize()).isLessThan(2048);
    }

    @Test
    void aRequestAboveTheLimitIsRefusedWithTheOperationNamed() throws Exception {
        // as in test_oversized_request_create_lambda: a zip just under its limit and a large environment
        byte[] zip = storedZip(50 * MB - 2048, 6);
        String large = "x".repeat(400 * 1024);
        assertThat(requestSize(zip) + large.length()).isGreaterThan(LIMIT);
        assertThatThrownBy(() -> lambda.createFunction(createRequest("huge", zip)
                .environment(e -> e.variables(java.util.Map.of("largeKey", large))).build()))
                .isInstanceOfSatisfying(LambdaException.class, e -> refused(e, "Request must be smaller than 70167211"
                        + " bytes for the CreateFunction operation"));
        assertThat(lambda.listFunctions().functions()).extracting(f -> f.functionName()).doesNotContain("huge");
    }

    private static void refused(LambdaException e, String message) {
        assertThat(e.statusCode()).isEqualTo(413);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    /** What the SDK sends at least: the zip base64-encoded. */
    private static long requestSize(byte[] zip) {
        return Base64.getEncoder().encodeToString(zip).length();
    }

    /** A zip of one stored entry of random (incompressible) bytes: about {@code size} bytes, as jars are stored. */
    static byte[] storedZip(int size, long seed) throws IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntry entry = new ZipEntry("lib/dependency-" + seed + ".jar");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size + 1024);
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(entry);
            out.write(content);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
