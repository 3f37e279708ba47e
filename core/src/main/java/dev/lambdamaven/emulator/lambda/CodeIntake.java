package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.s3.S3Store;
import dev.lambdamaven.emulator.store.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns the code of a request into a checked, stored zip: a {@code ZipFile} (already decoded into the blob store
 * while the body was read) or {@code S3Bucket}/{@code S3Key} (an object of the emulator's S3, in the function's
 * region).
 */
final class CodeIntake {

    /** The largest zip a request may carry; larger ones go through S3. */
    static final long MAX_ZIPPED = 52_428_800L;

    /** A stored, checked package. */
    record Code(String shaHex, String sha256Base64, long size, long unzippedSize) {}

    private final LambdaContext ctx;

    CodeIntake(LambdaContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Reads {@code ZipFile} or {@code S3Bucket}/{@code S3Key} from {@code node} for a function or layer in
     * {@code scope}; {@code null} if neither is set.
     */
    Code fromRequest(JsonNode node, Scope scope) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.hasNonNull("ImageUri")) {
            throw ApiException.invalidParameter("Please don't provide ImageUri when updating a function with"
                    + " packageType Zip.");
        }
        try {
            BlobStore.Blob blob;
            if (node.hasNonNull("ZipFile")) {
                blob = Json.binary(node.get("ZipFile"), BlobStore.Blob.class);
            } else if (node.hasNonNull("S3Bucket") || node.hasNonNull("S3Key")) {
                blob = fromS3(text(node, "S3Bucket"), text(node, "S3Key"), scope);
            } else {
                return null;
            }
            if (node.hasNonNull("ZipFile") && blob.size() > MAX_ZIPPED) { // test_oversized_zipped_create_lambda
                throw new ApiException(413, "RequestEntityTooLargeException", "Zipped size must be smaller than "
                        + MAX_ZIPPED + " bytes");
            }
            long unzipped = ZipInspector.unzippedSize(blob.path());
            return new Code(blob.sha256Hex(), blob.sha256Base64(), blob.size(), unzipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answer to a container image function: the emulator has no image registry, so every image is one AWS would
     * not find, "Source image ... is not valid. Provide a valid source image." (quoted in
     * https://github.com/ministryofjustice/modernisation-platform/pull/2419), and it says why.
     */
    static ApiException imageRefused(String imageUri) {
        return ApiException.invalidParameter("Source image " + (imageUri == null ? "" : imageUri + " ") + "is not"
                + " valid. Provide a valid source image. The lambda-maven-plugin emulator runs .zip packages only: it"
                + " has no container image registry; deploy with PackageType Zip, or test images on AWS.");
    }

    private BlobStore.Blob fromS3(String bucket, String key, Scope scope) throws IOException {
        if (bucket == null || key == null) {
            throw ApiException.invalidParameter("Please provide a source for function code.");
        }
        S3Store s3 = ctx.s3();
        var object = ctx.db().read(c -> {
            Scope owner = s3.bucket(c, bucket).orElseThrow(() -> ApiException.invalidParameter(
                    "Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified"
                            + " bucket does not exist"));
            if (!owner.region().equals(scope.region())) {
                // the Lambda developer guide's troubleshooting page quotes this answer
                throw ApiException.invalidParameter("Error occurred while GetObject. S3 Error Code:"
                        + " PermanentRedirect. S3 Error Message: The bucket is in this region: " + owner.region()
                        + ". Please use this region to retry the request");
            }
            return s3.object(c, bucket, key).orElseThrow(() -> ApiException.invalidParameter(
                    "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key"
                            + " does not exist."));
        });
        return ctx.blobs().get(object.sha());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
