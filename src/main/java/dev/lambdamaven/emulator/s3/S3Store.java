package dev.lambdamaven.emulator.s3;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The S3 tables: buckets, objects (pointing at content-addressed blobs), multipart uploads and parts. */
public final class S3Store {

    /** An object's metadata. */
    public record S3Object(String bucket, String key, String sha, long size, String etag, long modifiedAt) {}

    /** One uploaded part of a multipart upload. */
    public record Part(int number, String sha, long size, String etag) {}

    public boolean bucketExists(Connection c, String bucket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM s3_buckets WHERE name = ?")) {
            ps.setString(1, bucket);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void createBucket(Connection c, String bucket, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO s3_buckets(name, created_at) VALUES (?, ?)")) {
            ps.setString(1, bucket);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
    }

    public Optional<S3Object> object(Connection c, String bucket, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sha, size, etag, modified_at FROM s3_objects WHERE bucket = ? AND key = ?")) {
            ps.setString(1, bucket);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new S3Object(bucket, key, rs.getString(1), rs.getLong(2),
                        rs.getString(3), rs.getLong(4))) : Optional.empty();
            }
        }
    }

    public void putObject(Connection c, S3Object o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO s3_objects(bucket, key, sha, size,"
                + " etag, modified_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, o.bucket());
            ps.setString(2, o.key());
            ps.setString(3, o.sha());
            ps.setLong(4, o.size());
            ps.setString(5, o.etag());
            ps.setLong(6, o.modifiedAt());
            ps.executeUpdate();
        }
    }

    public void createUpload(Connection c, String id, String bucket, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO s3_uploads(id, bucket, key) VALUES (?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, bucket);
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    public boolean uploadExists(Connection c, String id, String bucket, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM s3_uploads WHERE id = ? AND bucket = ? AND key = ?")) {
            ps.setString(1, id);
            ps.setString(2, bucket);
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void putPart(Connection c, String uploadId, Part part) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO s3_parts(upload_id, part, sha, size, etag)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, uploadId);
            ps.setInt(2, part.number());
            ps.setString(3, part.sha());
            ps.setLong(4, part.size());
            ps.setString(5, part.etag());
            ps.executeUpdate();
        }
    }

    public List<Part> parts(Connection c, String uploadId) throws SQLException {
        List<Part> parts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT part, sha, size, etag FROM s3_parts WHERE upload_id = ? ORDER BY part")) {
            ps.setString(1, uploadId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parts.add(new Part(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return parts;
    }

    public void deleteUpload(Connection c, String uploadId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM s3_uploads WHERE id = ?")) {
            ps.setString(1, uploadId);
            ps.executeUpdate();
        }
    }
}
