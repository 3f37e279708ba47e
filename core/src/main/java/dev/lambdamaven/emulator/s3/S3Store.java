package dev.lambdamaven.emulator.s3;

import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The S3 tables: buckets, objects (pointing at content-addressed blobs), multipart uploads and parts. */
public final class S3Store {

    /** An object's metadata. */
    public record S3Object(String bucket, String key, String sha, long size, String etag, long modifiedAt) {}

    /** One uploaded part of a multipart upload. */
    public record Part(int number, String sha, long size, String etag) {}

    public boolean bucketExists(Connection c, String bucket) throws SQLException {
        return bucket(c, bucket).isPresent();
    }

    /** The account that owns a bucket and its region. Bucket names are global, as on S3. */
    public Optional<Scope> bucket(Connection c, String bucket) throws SQLException {
        return Sql.one(c, "SELECT account, region FROM s3_buckets WHERE name = ?",
                rs -> new Scope(rs.getString(1), rs.getString(2)), bucket);
    }

    public void createBucket(Connection c, String bucket, Scope owner, long now) throws SQLException {
        Sql.update(c, "INSERT OR IGNORE INTO s3_buckets(name, created_at, account, region) VALUES (?, ?, ?, ?)",
                bucket, now, owner.account(), owner.region());
    }

    public Optional<S3Object> object(Connection c, String bucket, String key) throws SQLException {
        return Sql.one(c, "SELECT sha, size, etag, modified_at FROM s3_objects WHERE bucket = ? AND key = ?",
                rs -> new S3Object(bucket, key, rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4)),
                bucket, key);
    }

    public void putObject(Connection c, S3Object o) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO s3_objects(bucket, key, sha, size, etag, modified_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", o.bucket(), o.key(), o.sha(), o.size(), o.etag(), o.modifiedAt());
    }

    public void createUpload(Connection c, String id, String bucket, String key) throws SQLException {
        Sql.update(c, "INSERT INTO s3_uploads(id, bucket, key) VALUES (?, ?, ?)", id, bucket, key);
    }

    public boolean uploadExists(Connection c, String id, String bucket, String key) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM s3_uploads WHERE id = ? AND bucket = ? AND key = ?", id, bucket, key);
    }

    public void putPart(Connection c, String uploadId, Part part) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO s3_parts(upload_id, part, sha, size, etag) VALUES (?, ?, ?, ?, ?)",
                uploadId, part.number(), part.sha(), part.size(), part.etag());
    }

    public List<Part> parts(Connection c, String uploadId) throws SQLException {
        return Sql.list(c, "SELECT part, sha, size, etag FROM s3_parts WHERE upload_id = ? ORDER BY part",
                rs -> new Part(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4)), uploadId);
    }

    public void deleteUpload(Connection c, String uploadId) throws SQLException {
        Sql.update(c, "DELETE FROM s3_uploads WHERE id = ?", uploadId);
    }
}
