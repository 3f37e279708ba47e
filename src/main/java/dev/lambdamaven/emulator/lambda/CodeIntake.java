package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.s3.S3Store;
import dev.lambdamaven.emulator.store.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Turns the code of a request ({@code ZipFile} or {@code S3Bucket}/{@code S3Key}) into a checked, stored zip. */
final class CodeIntake {

    /** A stored, checked package. */
    record Code(String shaHex, String sha256Base64, long size, long unzippedSize) {}

    private final LambdaContext ctx;

    CodeIntake(LambdaContext ctx) {
        this.ctx = ctx;
    }

    /** Reads {@code ZipFile} or {@code S3Bucket}/{@code S3Key} from {@code node}; {@code null} if neither is set. */
    Code fromRequest(JsonNode node) {
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
                byte[] zip;
                try {
                    zip = Base64.getMimeDecoder().decode(node.get("ZipFile").asText());
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalidParameter(
                            "Could not unzip uploaded file. Please check your file, then try to upload again.");
                }
                blob = ctx.blobs().put(zip);
            } else if (node.hasNonNull("S3Bucket") || node.hasNonNull("S3Key")) {
                blob = fromS3(text(node, "S3Bucket"), text(node, "S3Key"));
            } else {
                return null;
            }
            long unzipped = ZipInspector.unzippedSize(blob.path());
            return new Code(blob.sha256Hex(), blob.sha256Base64(), blob.size(), unzipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BlobStore.Blob fromS3(String bucket, String key) throws IOException {
        if (bucket == null || key == null) {
            throw ApiException.invalidParameter("Please provide a source for function code.");
        }
        S3Store s3 = ctx.s3();
        var object = ctx.db().read(c -> {
            if (!s3.bucketExists(c, bucket)) {
                throw ApiException.invalidParameter("Error occurred while GetObject. S3 Error Code: NoSuchBucket."
                        + " S3 Error Message: The specified bucket does not exist");
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
