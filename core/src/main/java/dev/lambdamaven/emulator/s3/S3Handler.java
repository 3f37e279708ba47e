package dev.lambdamaven.emulator.s3;

import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.http.Xml;
import dev.lambdamaven.emulator.store.BlobCollector;
import dev.lambdamaven.emulator.store.BlobStore;
import dev.lambdamaven.emulator.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Path-style S3, just enough for deployment packages: CreateBucket (in a region), HeadBucket, PutObject,
 * multipart upload, HeadObject and GetObject. Objects are content-addressed blobs; errors are S3's XML documents.
 * Bucket names are global, as on S3.
 */
public final class S3Handler {

    private static final long MAX_OBJECT = 5L * 1024 * 1024 * 1024;
    private static final Pattern PART_ETAG = Pattern.compile("<PartNumber>(\\d+)</PartNumber>");
    private static final Pattern LOCATION = Pattern.compile("<LocationConstraint>([^<]*)</LocationConstraint>");

    private final Database db;
    private final BlobStore blobs;
    private final BlobCollector collector;
    private final S3Store store;

    public S3Handler(Database db, BlobStore blobs, BlobCollector collector, S3Store store) {
        this.db = db;
        this.blobs = blobs;
        this.collector = collector;
        this.store = store;
    }

    public ApiResponse createBucket(ApiRequest request) {
        String bucket = request.path("bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ApiException(400, "InvalidBucketName", "The specified bucket is not valid.");
        }
        String region = locationConstraint(request);
        db.write(c -> {
            Optional<Scope> owner = store.bucket(c, bucket);
            if (owner.isPresent() && !owner.get().equals(new Scope(request.scope().account(), region))) {
                throw owner.get().account().equals(request.scope().account())
                        ? new ApiException(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named"
                                + " bucket succeeded and you already own it.")
                        : new ApiException(409, "BucketAlreadyExists", "The requested bucket name is not available. The"
                                + " bucket namespace is shared by all users of the system. Please select a different"
                                + " name and try again.");
            }
            store.createBucket(c, bucket, new Scope(request.scope().account(), region), System.currentTimeMillis());
            return null;
        });
        return ApiResponse.empty(200).header("Location", "/" + bucket);
    }

    /** The bucket's region: CreateBucketConfiguration's LocationConstraint, else the request's (us-east-1 has none). */
    private static String locationConstraint(ApiRequest request) {
        String body = new String(request.body(1 << 16, "CreateBucket"), StandardCharsets.UTF_8);
        Matcher m = LOCATION.matcher(body);
        if (!m.find()) {
            if (!request.scope().region().equals("us-east-1")) { // S3's answer, quoted in the AWS CLI's issues
                throw new ApiException(400, "IllegalLocationConstraintException", "The unspecified location"
                        + " constraint is incompatible for the region specific endpoint this request was sent to.");
            }
            return request.scope().region();
        }
        String region = m.group(1).trim();
        if (!Scope.REGION.matcher(region).matches()) {
            throw new ApiException(400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
        }
        if (!region.equals(request.scope().region())) {
            throw new ApiException(400, "IllegalLocationConstraintException", "The " + region + " location constraint"
                    + " is incompatible for the region specific endpoint this request was sent to.");
        }
        return region;
    }

    public ApiResponse headBucket(ApiRequest request) {
        requireBucket(request.path("bucket"));
        return ApiResponse.empty(200);
    }

    private void requireBucket(String bucket) {
        if (!db.read(c -> store.bucketExists(c, bucket))) {
            throw new ApiException(404, "NoSuchBucket", "The specified bucket does not exist");
        }
    }

    public ApiResponse putObject(ApiRequest request) throws IOException {
        String bucket = request.path("bucket");
        String key = request.path("key");
        requireBucket(bucket);
        Stored stored = store(request);
        boolean replaced = referencing(() -> db.write(c -> {
            blobs.requirePresent(stored.blob.sha256Hex());
            boolean existed = store.object(c, bucket, key).isPresent();
            store.putObject(c, new S3Store.S3Object(bucket, key, stored.blob.sha256Hex(), stored.blob.size(),
                    stored.etag, System.currentTimeMillis()));
            return existed;
        }));
        if (replaced) {
            collector.request(); // the previous content may be referenced by nothing now
        }
        return ApiResponse.empty(200).header("ETag", stored.etag);
    }

    public ApiResponse createMultipartUpload(ApiRequest request) {
        String bucket = request.path("bucket");
        String key = request.path("key");
        requireBucket(bucket);
        String id = Ids.uuid().replace("-", "");
        db.write(c -> {
            store.createUpload(c, id, bucket, key);
            return null;
        });
        return Xml.response(200, "<InitiateMultipartUploadResult>" + Xml.element("Bucket", bucket)
                + Xml.element("Key", key) + Xml.element("UploadId", id) + "</InitiateMultipartUploadResult>");
    }

    public ApiResponse uploadPart(ApiRequest request) throws IOException {
        String bucket = request.path("bucket");
        String key = request.path("key");
        String uploadId = request.query("uploadId");
        int number = partNumber(request.query("partNumber"));
        requireUpload(uploadId, bucket, key);
        Stored stored = store(request);
        referencing(() -> db.write(c -> {
            blobs.requirePresent(stored.blob.sha256Hex());
            store.putPart(c, uploadId, new S3Store.Part(number, stored.blob.sha256Hex(), stored.blob.size(),
                    stored.etag));
            return null;
        }));
        return ApiResponse.empty(200).header("ETag", stored.etag);
    }

    public ApiResponse completeMultipartUpload(ApiRequest request) throws IOException {
        String bucket = request.path("bucket");
        String key = request.path("key");
        String uploadId = request.query("uploadId");
        requireUpload(uploadId, bucket, key);
        String body = new String(request.body(1 << 20, "CompleteMultipartUpload"), java.nio.charset.StandardCharsets.UTF_8);
        List<Integer> wanted = new ArrayList<>();
        Matcher m = PART_ETAG.matcher(body);
        while (m.find()) {
            wanted.add(Integer.parseInt(m.group(1)));
        }
        List<S3Store.Part> parts = db.read(c -> store.parts(c, uploadId));
        List<InputStream> streams = new ArrayList<>();
        MessageDigest md5s = md5();
        try {
            for (int number : wanted) {
                S3Store.Part part = parts.stream().filter(p -> p.number() == number).findFirst()
                        .orElseThrow(() -> new ApiException(400, "InvalidPart", "One or more of the specified parts could"
                                + " not be found."));
                streams.add(Files.newInputStream(blobs.path(part.sha())));
                md5s.update(HexFormat.of().parseHex(part.etag().replace("\"", "")));
            }
            BlobStore.Blob blob = blobs.put(new SequenceInputStream(Collections.enumeration(streams)), MAX_OBJECT);
            String etag = "\"" + HexFormat.of().formatHex(md5s.digest()) + "-" + wanted.size() + "\"";
            referencing(() -> db.write(c -> {
                blobs.requirePresent(blob.sha256Hex());
                store.putObject(c, new S3Store.S3Object(bucket, key, blob.sha256Hex(), blob.size(), etag,
                        System.currentTimeMillis()));
                store.deleteUpload(c, uploadId);
                return null;
            }));
            collector.request(); // the parts, and a replaced object, may be referenced by nothing now
            return Xml.response(200, "<CompleteMultipartUploadResult>" + Xml.element("Location", "/" + bucket + "/"
                    + key) + Xml.element("Bucket", bucket) + Xml.element("Key", key) + Xml.element("ETag", etag)
                    + "</CompleteMultipartUploadResult>");
        } finally {
            for (InputStream s : streams) {
                s.close();
            }
        }
    }

    public ApiResponse abortMultipartUpload(ApiRequest request) {
        String uploadId = request.query("uploadId");
        db.write(c -> {
            store.deleteUpload(c, uploadId);
            return null;
        });
        collector.request(); // the parts may be referenced by nothing now
        return ApiResponse.empty(204);
    }

    public ApiResponse getObject(ApiRequest request) {
        String bucket = request.path("bucket");
        String key = request.path("key");
        requireBucket(bucket);
        S3Store.S3Object object = db.read(c -> store.object(c, bucket, key))
                .orElseThrow(() -> new ApiException(404, "NoSuchKey", "The specified key does not exist."));
        return ApiResponse.file(blobs.path(object.sha()), "application/octet-stream").header("ETag", object.etag())
                .header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.ofEpochMilli(object.modifiedAt()).atZone(ZoneOffset.UTC)))
                .header("Accept-Ranges", "bytes");
    }

    private void requireUpload(String uploadId, String bucket, String key) {
        if (!db.read(c -> store.uploadExists(c, uploadId, bucket, key))) {
            throw new ApiException(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be"
                    + " invalid, or the upload may have been aborted or completed.");
        }
    }

    private static int partNumber(String raw) {
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive");
    }

    private record Stored(BlobStore.Blob blob, String etag) {}

    /** Runs the write that references content just stored; if it fails, nothing references that content. */
    private <T> T referencing(Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            collector.request();
            throw e;
        }
    }

    private Stored store(ApiRequest request) throws IOException {
        InputStream body = request.bodyStream();
        String sha = request.header("x-amz-content-sha256");
        String encoding = request.header("Content-Encoding");
        if ((sha != null && sha.startsWith("STREAMING-")) || (encoding != null && encoding.contains("aws-chunked"))) {
            body = new AwsChunkedInputStream(body);
        }
        MessageDigest md5 = md5();
        try {
            BlobStore.Blob blob = blobs.put(new DigestInputStream(body, md5), MAX_OBJECT);
            return new Stored(blob, "\"" + HexFormat.of().formatHex(md5.digest()) + "\"");
        } catch (BlobStore.BlobTooLargeException e) {
            throw new ApiException(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


}
