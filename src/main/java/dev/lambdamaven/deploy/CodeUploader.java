package dev.lambdamaven.deploy;

import dev.lambdamaven.config.InvalidSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Makes a zip available to Lambda. Zips up to Lambda's direct upload limit (50 MB) go inline; larger ones go
 * to {@code s3Bucket} under a content-addressed key, as a multipart upload with progress, skipped when the
 * object is already there. Memory stays bounded by one part.
 */
final class CodeUploader {

    static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final AwsClients clients;
    private final DeployLog log;
    private final long directUploadLimit;

    CodeUploader(AwsClients clients, DeployLog log, long directUploadLimit) {
        this.clients = clients;
        this.log = log;
        this.directUploadLimit = directUploadLimit;
    }

    CodeLocation upload(Path zip, String codeSha256, String keyPrefix, String s3Bucket) {
        long size = size(zip);
        if (size <= directUploadLimit) {
            try {
                return CodeLocation.inline(SdkBytes.fromByteArray(Files.readAllBytes(zip)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + zip, e);
            }
        }
        if (s3Bucket == null || s3Bucket.isBlank()) {
            throw new InvalidSpecException("s3Bucket", null, zip.getFileName() + " is " + megabytes(size)
                    + " MB, above Lambda's " + megabytes(directUploadLimit)
                    + " MB direct upload limit: set <s3Bucket> (or -Dlambda.s3Bucket) to a bucket in the function's region");
        }
        String key = keyPrefix + "/" + CodeHash.hexOf(codeSha256) + ".zip";
        if (exists(s3Bucket, key)) {
            log.info("s3://" + s3Bucket + "/" + key + " already uploaded");
        } else {
            multipart(zip, size, s3Bucket, key);
        }
        return CodeLocation.s3(s3Bucket, key);
    }

    private boolean exists(String bucket, String key) {
        try {
            clients.s3().headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void multipart(Path zip, long size, String bucket, String key) {
        S3Client s3 = clients.s3();
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip)) {
            long sent = 0;
            for (int number = 1; sent < size; number++) {
                byte[] part = in.readNBytes(PART_SIZE);
                int partNumber = number;
                String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                        RequestBody.fromBytes(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                sent += part.length;
                log.info("Uploading " + zip.getFileName() + " to s3://" + bucket + "/" + key + ": "
                        + megabytes(sent) + " of " + megabytes(size) + " MB (" + (100 * sent / size) + "%)");
            }
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + zip, io);
            }
            throw (RuntimeException) e;
        }
    }

    private static long size(Path zip) {
        try {
            return Files.size(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip + ": run mvn package first", e);
        }
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
