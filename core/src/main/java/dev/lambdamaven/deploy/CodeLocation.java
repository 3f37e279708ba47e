package dev.lambdamaven.deploy;

import software.amazon.awssdk.core.SdkBytes;

/** Where Lambda takes a zip from: inline bytes (small zips) or an S3 object (above the direct upload limit). */
record CodeLocation(SdkBytes zipFile, String s3Bucket, String s3Key) {

    static CodeLocation inline(SdkBytes bytes) {
        return new CodeLocation(bytes, null, null);
    }

    static CodeLocation s3(String bucket, String key) {
        return new CodeLocation(null, bucket, key);
    }

    /** Where the code went, for the log: {@code 1.2 MB uploaded inline} or {@code code from s3://bucket/key}. */
    String describe() {
        if (zipFile == null) {
            return "code from s3://" + s3Bucket + "/" + s3Key;
        }
        long bytes = zipFile.asByteArrayUnsafe().length;
        return (bytes < 1024 * 1024 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f MB",
                bytes / (1024.0 * 1024))) + " uploaded inline";
    }
}
