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

    long uploadedBytes() {
        return zipFile == null ? 0 : zipFile.asByteArrayUnsafe().length;
    }
}
