package dev.lambdamaven.emulator.s3;

import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.http.Xml;
import dev.lambdamaven.emulator.store.BlobCollector;
import dev.lambdamaven.emulator.store.BlobStore;
import dev.lambdamaven.emulator.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Path-style S3, just enough for deployment packages: CreateBucket, HeadBucket, PutObject, multipart upload,
 * HeadObject and GetObject. Objects are content-addressed blobs; errors are S3's XML documents.
 */
public final class S3Handler implements Router.Route {

    private static final long MAX_OBJECT = 5L * 1024 * 1024 * 1024;
    private static final Pattern PART_ETAG = Pattern.compile("<PartNumber>(\\d+)</PartNumber>");

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

    @Override
    public ApiResponse handle(ApiRequest request) throws IOException {
        try {
            return route(request);
        } catch (S3Error e) {
            String xml = "<Error>" + Xml.element("Code", e.code) + Xml.element("Message", e.getMessage())
                    + Xml.element("RequestId", request.requestId()) + "</Error>";
            return Xml.response(e.status, xml);
        } catch (ApiException e) {
            String xml = "<Error>" + Xml.element("Code", e.type()) + Xml.element("Message", e.getMessage())
                    + "</Error>";
            return Xml.response(e.status(), xml);
        }
    }

    private ApiResponse route(ApiRequest request) throws IOException {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            throw new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        String bucket = segments.get(0);
        String key = String.join("/", segments.subList(1, segments.size()));
        String method = request.method();
        if (key.isEmpty()) {
            return switch (method) {
                case "PUT" -> createBucket(bucket);
                case "HEAD" -> {
                    requireBucket(bucket);
                    yield ApiResponse.empty(200);
                }
                default -> throw new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against"
                        + " this resource.");
            };
        }
        String uploadId = request.query("uploadId");
        return switch (method) {
            case "PUT" -> uploadId != null ? uploadPart(request, bucket, key, uploadId) : putObject(request, bucket, key);
            case "GET", "HEAD" -> getObject(bucket, key);
            case "POST" -> request.queryMap().containsKey("uploads") ? initiate(bucket, key)
                    : complete(request, bucket, key, uploadId);
            case "DELETE" -> abort(uploadId);
            default -> throw new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against this"
                    + " resource.");
        };
    }

    private ApiResponse createBucket(String bucket) {
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.");
        }
        db.write(c -> {
            store.createBucket(c, bucket, System.currentTimeMillis());
            return null;
        });
        return ApiResponse.empty(200).header("Location", "/" + bucket);
    }

    private void requireBucket(String bucket) {
        if (!db.read(c -> store.bucketExists(c, bucket))) {
            throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist");
        }
    }

    private ApiResponse putObject(ApiRequest request, String bucket, String key) throws IOException {
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

    private ApiResponse initiate(String bucket, String key) {
        requireBucket(bucket);
        String id = Ids.uuid().replace("-", "");
        db.write(c -> {
            store.createUpload(c, id, bucket, key);
            return null;
        });
        return Xml.response(200, "<InitiateMultipartUploadResult>" + Xml.element("Bucket", bucket)
                + Xml.element("Key", key) + Xml.element("UploadId", id) + "</InitiateMultipartUploadResult>");
    }

    private ApiResponse uploadPart(ApiRequest request, String bucket, String key, String uploadId) throws IOException {
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

    private ApiResponse complete(ApiRequest request, String bucket, String key, String uploadId) throws IOException {
        if (uploadId == null) {
            throw new S3Error(400, "InvalidRequest", "Missing uploadId.");
        }
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
                        .orElseThrow(() -> new S3Error(400, "InvalidPart", "One or more of the specified parts could"
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

    private ApiResponse abort(String uploadId) {
        if (uploadId == null) {
            throw new S3Error(405, "MethodNotAllowed", "Deleting objects is not supported by this emulator.");
        }
        db.write(c -> {
            store.deleteUpload(c, uploadId);
            return null;
        });
        collector.request(); // the parts may be referenced by nothing now
        return ApiResponse.empty(204);
    }

    private ApiResponse getObject(String bucket, String key) {
        requireBucket(bucket);
        S3Store.S3Object object = db.read(c -> store.object(c, bucket, key))
                .orElseThrow(() -> new S3Error(404, "NoSuchKey", "The specified key does not exist."));
        return ApiResponse.file(blobs.path(object.sha()), "application/octet-stream").header("ETag", object.etag())
                .header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.ofEpochMilli(object.modifiedAt()).atZone(ZoneOffset.UTC)))
                .header("Accept-Ranges", "bytes");
    }

    private void requireUpload(String uploadId, String bucket, String key) {
        if (!db.read(c -> store.uploadExists(c, uploadId, bucket, key))) {
            throw new S3Error(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be"
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
        throw new S3Error(400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive");
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
            throw new S3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An S3 error document. */
    private static final class S3Error extends RuntimeException {
        final int status;
        final String code;

        S3Error(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
