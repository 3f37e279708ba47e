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
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Makes a zip available to Lambda. A zip whose request fits Lambda's limit goes inline (base64 in the JSON body);
 * a larger one goes to {@code s3Bucket} under a content-addressed key, as a multipart upload with progress, skipped
 * when the object is already there. On the emulator target without {@code s3Bucket}, a bucket of the plugin's own
 * on the emulator's S3 takes it. Memory stays bounded by one part.
 */
final class CodeUploader {

    /**
     * Lambda refuses a CreateFunction or UpdateFunctionCode request of this many bytes or more ("Request must be
     * smaller than 69905067 bytes for the CreateFunction operation", quoted in localstack/localstack#2999): the
     * zip travels base64-encoded, 4 bytes for every 3.
     */
    static final long MAX_REQUEST_BYTES = 69_905_067L;
    /** What a request carries besides the zip, generously: configuration, 4 KB of environment, 50 tags, JSON. */
    static final long REQUEST_OVERHEAD_BYTES = 64 * 1024;
    /** The largest zip whose request fits: 52,379,647 bytes (49.95 MiB). */
    static final long DIRECT_UPLOAD_LIMIT = (MAX_REQUEST_BYTES - 1 - REQUEST_OVERHEAD_BYTES) / 4 * 3;
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
        String bucket = s3Bucket == null || s3Bucket.isBlank() ? emulatorBucket(zip, size) : s3Bucket;
        String key = keyPrefix + "/" + CodeHash.hexOf(codeSha256) + ".zip";
        if (exists(bucket, key)) {
            log.info("s3://" + bucket + "/" + key + " already uploaded");
        } else {
            multipart(zip, size, bucket, key);
        }
        return CodeLocation.s3(bucket, key);
    }

    /**
     * Without {@code <s3Bucket>}: on the emulator, the plugin's own bucket there (created when missing); on AWS, a
     * failure naming the setting.
     */
    private String emulatorBucket(Path zip, long size) {
        if (clients.target().isAws()) {
            throw new InvalidSpecException("s3Bucket", null, zip.getFileName() + " is " + megabytes(size)
                    + " MB, above what Lambda takes in a request (" + megabytes(directUploadLimit)
                    + " MB zipped): set <s3Bucket> (or -Dlambda.s3Bucket) to a bucket in the function's region");
        }
        String region = clients.region();
        String bucket = "lambda-maven-plugin-" + (clients.target().account() == null ? "" : clients.target().account()
                + "-") + region;
        try {
            clients.s3().headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            createBucket(bucket, region);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            createBucket(bucket, region);
        }
        return bucket;
    }

    private void createBucket(String bucket, String region) {
        try {
            clients.s3().createBucket(r -> {
                r.bucket(bucket);
                if (!region.equals("us-east-1")) { // S3 refuses a LocationConstraint of us-east-1
                    r.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
            log.info("Created the bucket s3://" + bucket + " on the emulator for packages above Lambda's direct"
                    + " upload limit");
        } catch (BucketAlreadyOwnedByYouException e) {
            // another module of a parallel build created it first
        }
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
