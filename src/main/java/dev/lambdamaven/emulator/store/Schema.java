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
        // when a reference to a blob last went away (see BlobCollector): written by the triggers below in the
        // transaction that drops the reference, whichever statement or process drops it
        """
        CREATE TABLE IF NOT EXISTS blob_drops (
          sha TEXT PRIMARY KEY,
          dropped_at INTEGER NOT NULL)""",
    };

    /** Each column that references a blob: table, column and the table's two key columns. */
    private static final String[][] BLOB_REFERENCES = {
        {"versions", "code_sha", "function", "version"},
        {"layer_versions", "zip_sha", "name", "version"},
        {"s3_objects", "sha", "bucket", "key"},
        {"s3_parts", "sha", "upload_id", "part"},
    };

    /**
     * Triggers that record the blob of a deleted row (a cascade fires them too), of an updated column and of a
     * row an {@code INSERT OR REPLACE} overwrites (REPLACE fires delete triggers only with recursive triggers on).
     * TABLE, COLUMN, KEY1, KEY2 and NOW are filled in for each of {@link #BLOB_REFERENCES}.
     */
    private static final String[] DROP_TRIGGERS = {
        """
        CREATE TRIGGER IF NOT EXISTS blob_drop_TABLE_delete AFTER DELETE ON TABLE BEGIN
          INSERT INTO blob_drops(sha, dropped_at) SELECT old.COLUMN, NOW WHERE true
          ON CONFLICT(sha) DO UPDATE SET dropped_at = excluded.dropped_at;
        END""",
        """
        CREATE TRIGGER IF NOT EXISTS blob_drop_TABLE_update AFTER UPDATE OF COLUMN ON TABLE
        WHEN old.COLUMN IS NOT new.COLUMN BEGIN
          INSERT INTO blob_drops(sha, dropped_at) SELECT old.COLUMN, NOW WHERE true
          ON CONFLICT(sha) DO UPDATE SET dropped_at = excluded.dropped_at;
        END""",
        """
        CREATE TRIGGER IF NOT EXISTS blob_drop_TABLE_replace BEFORE INSERT ON TABLE BEGIN
          INSERT INTO blob_drops(sha, dropped_at) SELECT COLUMN, NOW FROM TABLE
          WHERE KEY1 = new.KEY1 AND KEY2 = new.KEY2 AND COLUMN IS NOT new.COLUMN
          ON CONFLICT(sha) DO UPDATE SET dropped_at = excluded.dropped_at;
        END""",
    };

    private Schema() {}

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
            for (String[] reference : BLOB_REFERENCES) {
                for (String template : DROP_TRIGGERS) {
                    s.execute(dropTrigger(template, reference));
                }
            }
        }
    }

    /** The hashes of every blob a row references, as one query. */
    static String referencedBlobs() {
        StringBuilder sql = new StringBuilder();
        for (String[] reference : BLOB_REFERENCES) {
            sql.append(sql.isEmpty() ? "" : " UNION ").append("SELECT ").append(reference[1]).append(" FROM ")
                    .append(reference[0]);
        }
        return sql.toString();
    }

    private static String dropTrigger(String template, String[] reference) {
        return template.replace("NOW", "CAST(unixepoch('subsec') * 1000 AS INTEGER)").replace("TABLE", reference[0])
                .replace("COLUMN", reference[1]).replace("KEY1", reference[2]).replace("KEY2", reference[3]);
    }
}
