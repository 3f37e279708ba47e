package dev.lambdamaven.emulator.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The tables; created idempotently at start. */
final class Schema {

    private static final String[] DDL = {
        // one row per function; last_version is the counter that makes version numbers never reused
        """
        CREATE TABLE IF NOT EXISTS functions (
          name TEXT PRIMARY KEY,
          last_version INTEGER NOT NULL DEFAULT 0,
          reserved_concurrency INTEGER,
          created_at INTEGER NOT NULL)""",
        // $LATEST and published versions. config: the stored configuration without derived fields and
        // without environment values; env: AES-GCM ciphertext of the variables. op/done_at/failure_*: the
        // last create or update, whose outcome becomes visible once done_at has passed.
        """
        CREATE TABLE IF NOT EXISTS versions (
          function TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
          version TEXT NOT NULL,
          config TEXT NOT NULL,
          env BLOB,
          code_sha TEXT NOT NULL,
          revision TEXT NOT NULL,
          op TEXT NOT NULL,
          done_at INTEGER NOT NULL,
          failure_code TEXT,
          failure_reason TEXT,
          PRIMARY KEY (function, version))""",
        """
        CREATE TABLE IF NOT EXISTS aliases (
          function TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
          name TEXT NOT NULL,
          version TEXT NOT NULL,
          description TEXT NOT NULL,
          routing TEXT,
          revision TEXT NOT NULL,
          PRIMARY KEY (function, name))""",
        """
        CREATE TABLE IF NOT EXISTS tags (
          arn TEXT NOT NULL,
          key TEXT NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (arn, key))""",
        """
        CREATE TABLE IF NOT EXISTS layers (
          name TEXT PRIMARY KEY,
          last_version INTEGER NOT NULL DEFAULT 0)""",
        """
        CREATE TABLE IF NOT EXISTS layer_versions (
          name TEXT NOT NULL REFERENCES layers(name),
          version INTEGER NOT NULL,
          config TEXT NOT NULL,
          zip_sha TEXT NOT NULL,
          unzipped_size INTEGER NOT NULL,
          policy_revision TEXT,
          PRIMARY KEY (name, version))""",
        """
        CREATE TABLE IF NOT EXISTS layer_statements (
          name TEXT NOT NULL,
          version INTEGER NOT NULL,
          sid TEXT NOT NULL,
          statement TEXT NOT NULL,
          PRIMARY KEY (name, version, sid))""",
        """
        CREATE TABLE IF NOT EXISTS s3_buckets (
          name TEXT PRIMARY KEY,
          created_at INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS s3_objects (
          bucket TEXT NOT NULL REFERENCES s3_buckets(name),
          key TEXT NOT NULL,
          sha TEXT NOT NULL,
          size INTEGER NOT NULL,
          etag TEXT NOT NULL,
          modified_at INTEGER NOT NULL,
          PRIMARY KEY (bucket, key))""",
        """
        CREATE TABLE IF NOT EXISTS s3_uploads (
          id TEXT PRIMARY KEY,
          bucket TEXT NOT NULL,
          key TEXT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS s3_parts (
          upload_id TEXT NOT NULL REFERENCES s3_uploads(id) ON DELETE CASCADE,
          part INTEGER NOT NULL,
          sha TEXT NOT NULL,
          size INTEGER NOT NULL,
          etag TEXT NOT NULL,
          PRIMARY KEY (upload_id, part))""",
    };

    private Schema() {}

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
    }
}
