package dev.lambdamaven.emulator.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables, created idempotently at start, and the migration of state directories written by earlier
 * versions. Lambda's resources are kept per account and region ({@code account}, {@code region} lead every key),
 * as AWS keeps them; S3 bucket names are global, as on S3, and each bucket has a region.
 *
 * <p>Versions are counted in {@code PRAGMA user_version}: 0 is a new or a pre-scope database (every row then
 * belonged to one account and region), {@link #VERSION} the current one.
 */
final class Schema {

    static final int VERSION = 2;

    /** Rows of a database written before state was kept per account and region become this scope's. */
    static final String LEGACY_ACCOUNT = "123456789012";
    static final String LEGACY_REGION = "us-east-1";

    private static final String[] DDL = {
        // one row per function; last_version is the counter that makes version numbers never reused
        """
        CREATE TABLE IF NOT EXISTS functions (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          name TEXT NOT NULL,
          last_version INTEGER NOT NULL DEFAULT 0,
          reserved_concurrency INTEGER,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (account, region, name))""",
        // $LATEST and published versions. config: the stored configuration without derived fields and
        // without environment values; env: AES-GCM ciphertext of the variables. op/done_at/failure_*: the
        // last create or update, whose outcome becomes visible once done_at has passed.
        """
        CREATE TABLE IF NOT EXISTS versions (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          function TEXT NOT NULL,
          version TEXT NOT NULL,
          config TEXT NOT NULL,
          env BLOB,
          code_sha TEXT NOT NULL,
          revision TEXT NOT NULL,
          op TEXT NOT NULL,
          done_at INTEGER NOT NULL,
          failure_code TEXT,
          failure_reason TEXT,
          PRIMARY KEY (account, region, function, version),
          FOREIGN KEY (account, region, function) REFERENCES functions(account, region, name) ON DELETE CASCADE)""",
        """
        CREATE TABLE IF NOT EXISTS aliases (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          function TEXT NOT NULL,
          name TEXT NOT NULL,
          version TEXT NOT NULL,
          description TEXT NOT NULL,
          routing TEXT,
          revision TEXT NOT NULL,
          warming TEXT,
          PRIMARY KEY (account, region, function, name),
          FOREIGN KEY (account, region, function) REFERENCES functions(account, region, name) ON DELETE CASCADE)""",
        // keyed by the resource's ARN, which names its account and region
        """
        CREATE TABLE IF NOT EXISTS tags (
          arn TEXT NOT NULL,
          key TEXT NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (arn, key))""",
        """
        CREATE TABLE IF NOT EXISTS layers (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          name TEXT NOT NULL,
          last_version INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (account, region, name))""",
        """
        CREATE TABLE IF NOT EXISTS layer_versions (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          name TEXT NOT NULL,
          version INTEGER NOT NULL,
          config TEXT NOT NULL,
          zip_sha TEXT NOT NULL,
          unzipped_size INTEGER NOT NULL,
          policy_revision TEXT,
          PRIMARY KEY (account, region, name, version),
          FOREIGN KEY (account, region, name) REFERENCES layers(account, region, name))""",
        """
        CREATE TABLE IF NOT EXISTS layer_statements (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          name TEXT NOT NULL,
          version INTEGER NOT NULL,
          sid TEXT NOT NULL,
          statement TEXT NOT NULL,
          PRIMARY KEY (account, region, name, version, sid))""",
        """
        CREATE TABLE IF NOT EXISTS s3_buckets (
          name TEXT PRIMARY KEY,
          created_at INTEGER NOT NULL,
          account TEXT NOT NULL,
          region TEXT NOT NULL)""",
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
        // the control plane's other families, per function: a row keyed by a qualifier ('' for the function
        // itself, else $LATEST, a version number or an alias name) goes with its function (foreign key), its
        // version or its alias (the qualifier_gone triggers below), as on AWS
        """
        CREATE TABLE IF NOT EXISTS function_policies (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          function TEXT NOT NULL,
          qualifier TEXT NOT NULL,
          document TEXT NOT NULL,
          revision TEXT NOT NULL,
          PRIMARY KEY (account, region, function, qualifier),
          FOREIGN KEY (account, region, function) REFERENCES functions(account, region, name) ON DELETE CASCADE)""",
        functionConfigTable("event_invoke_configs"),
        """
        CREATE TABLE IF NOT EXISTS function_urls (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          function TEXT NOT NULL,
          qualifier TEXT NOT NULL,
          url_id TEXT NOT NULL UNIQUE,
          auth_type TEXT NOT NULL,
          cors TEXT,
          invoke_mode TEXT,
          created_at INTEGER NOT NULL,
          modified_at INTEGER NOT NULL,
          PRIMARY KEY (account, region, function, qualifier),
          FOREIGN KEY (account, region, function) REFERENCES functions(account, region, name) ON DELETE CASCADE)""",
        // ready_at: when the requested environments count as allocated (IN_PROGRESS until then, then READY)
        """
        CREATE TABLE IF NOT EXISTS provisioned_concurrency (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          function TEXT NOT NULL,
          qualifier TEXT NOT NULL,
          requested INTEGER NOT NULL,
          modified_at INTEGER NOT NULL,
          ready_at INTEGER NOT NULL,
          PRIMARY KEY (account, region, function, qualifier),
          FOREIGN KEY (account, region, function) REFERENCES functions(account, region, name) ON DELETE CASCADE)""",
        functionConfigTable("function_recursion"),
        functionConfigTable("runtime_management"),
        """
        CREATE TABLE IF NOT EXISTS code_signing_configs (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          id TEXT NOT NULL,
          config TEXT NOT NULL,
          modified_at INTEGER NOT NULL,
          PRIMARY KEY (account, region, id))""",
        """
        CREATE TABLE IF NOT EXISTS function_code_signing (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          function TEXT NOT NULL,
          config_id TEXT NOT NULL,
          PRIMARY KEY (account, region, function),
          FOREIGN KEY (account, region, function) REFERENCES functions(account, region, name) ON DELETE CASCADE,
          FOREIGN KEY (account, region, config_id) REFERENCES code_signing_configs(account, region, id))""",
        // an event source mapping outlives its function, as on AWS. state: where it ends up (Enabled, Disabled,
        // Deleted), transition: what it shows until settle_at (Creating, Enabling, Disabling, Updating, Deleting)
        """
        CREATE TABLE IF NOT EXISTS event_source_mappings (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          uuid TEXT NOT NULL,
          function TEXT NOT NULL,
          qualifier TEXT,
          source TEXT NOT NULL,
          config TEXT NOT NULL,
          state TEXT NOT NULL,
          transition TEXT,
          settle_at INTEGER NOT NULL,
          modified_at INTEGER NOT NULL,
          PRIMARY KEY (account, region, uuid))""",
        qualifierGone("versions", "version", List.of("function_policies", "event_invoke_configs",
                "provisioned_concurrency", "runtime_management")),
        qualifierGone("aliases", "name", List.of("function_policies", "event_invoke_configs", "function_urls",
                "provisioned_concurrency")),
        // when a reference to a blob last went away (see BlobCollector): written by the triggers below in the
        // transaction that drops the reference, whichever statement or process drops it
        """
        CREATE TABLE IF NOT EXISTS blob_drops (
          sha TEXT PRIMARY KEY,
          dropped_at INTEGER NOT NULL)""",
        // KMS keys (symmetric, per account and region) and their aliases; material: the key sealed with SecretBox
        """
        CREATE TABLE IF NOT EXISTS kms_keys (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          key_id TEXT NOT NULL,
          description TEXT NOT NULL,
          enabled INTEGER NOT NULL,
          manager TEXT NOT NULL,
          material_id TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          material BLOB NOT NULL,
          PRIMARY KEY (account, region, key_id))""",
        """
        CREATE TABLE IF NOT EXISTS kms_aliases (
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          name TEXT NOT NULL,
          key_id TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (account, region, name),
          FOREIGN KEY (account, region, key_id) REFERENCES kms_keys(account, region, key_id))""",
    };

    /** A column that references a blob, in a table with these key columns. */
    private record BlobReference(String table, String column, List<String> keys) {}

    private static final List<BlobReference> BLOB_REFERENCES = List.of(
            new BlobReference("versions", "code_sha", List.of("account", "region", "function", "version")),
            new BlobReference("layer_versions", "zip_sha", List.of("account", "region", "name", "version")),
            new BlobReference("s3_objects", "sha", List.of("bucket", "key")),
            new BlobReference("s3_parts", "sha", List.of("upload_id", "part")));

    /**
     * Triggers that record the blob of a deleted row (a cascade fires them too), of an updated column and of a
     * row an {@code INSERT OR REPLACE} overwrites (REPLACE fires delete triggers only with recursive triggers on).
     * TABLE, COLUMN, SAME_KEY and NOW are filled in for each of {@link #BLOB_REFERENCES}.
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
          WHERE SAME_KEY AND COLUMN IS NOT new.COLUMN
          ON CONFLICT(sha) DO UPDATE SET dropped_at = excluded.dropped_at;
        END""",
    };

    /** The tables of version 0 that {@link #migrateToScopes} rebuilds with the account and region in their keys. */
    private static final List<String> SCOPED_TABLES = List.of("functions", "versions", "aliases", "layers",
            "layer_versions", "layer_statements");

    private Schema() {}

    /**
     * Creates or migrates the schema; runs inside a write transaction with foreign key checks off (a migration
     * rebuilds tables that others reference).
     */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int version = Sql.one(c, "PRAGMA user_version", rs -> rs.getInt(1)).orElse(0);
            if (version > VERSION) {
                throw new SQLException("this state directory was written by a newer emulator (schema " + version
                        + ", this one knows " + VERSION + "): use that version, or another lambda.emulator.home");
            }
            if (version < VERSION && Sql.exists(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name ="
                    + " 'functions'") && !hasColumn(c, "functions", "account")) {
                migrateToScopes(c, s);
            }
            for (String ddl : DDL) {
                s.execute(ddl);
            }
            if (!hasColumn(c, "s3_buckets", "region")) { // version 0: one region
                s.execute("ALTER TABLE s3_buckets ADD COLUMN account TEXT NOT NULL DEFAULT '" + LEGACY_ACCOUNT + "'");
                s.execute("ALTER TABLE s3_buckets ADD COLUMN region TEXT NOT NULL DEFAULT '" + LEGACY_REGION + "'");
            }
            if (!hasColumn(c, "aliases", "warming")) { // written before aliases kept the version they left
                s.execute("ALTER TABLE aliases ADD COLUMN warming TEXT");
            }
            for (BlobReference reference : BLOB_REFERENCES) {
                for (String template : DROP_TRIGGERS) {
                    s.execute(dropTrigger(template, reference));
                }
            }
            s.execute("PRAGMA user_version = " + VERSION);
        }
    }

    /**
     * Version 0 kept one account and region: its Lambda tables are rebuilt with the account and region leading
     * their keys, every row becoming the default account's in us-east-1 (what that version's ARNs said).
     */
    private static void migrateToScopes(Connection c, Statement s) throws SQLException {
        s.execute("PRAGMA legacy_alter_table = ON"); // renaming must not rewrite the other tables' references
        try {
            for (String table : SCOPED_TABLES) {
                for (String event : new String[] {"delete", "update", "replace"}) {
                    s.execute("DROP TRIGGER IF EXISTS blob_drop_" + table + "_" + event);
                }
                s.execute("ALTER TABLE " + table + " RENAME TO " + table + "_v0");
            }
            for (String ddl : DDL) {
                s.execute(ddl);
            }
            for (String table : SCOPED_TABLES) {
                List<String> columns = Sql.list(c, "SELECT name FROM pragma_table_info('" + table + "_v0')",
                        rs -> rs.getString(1));
                String names = String.join(", ", columns);
                s.execute("INSERT INTO " + table + "(account, region, " + names + ") SELECT '" + LEGACY_ACCOUNT
                        + "', '" + LEGACY_REGION + "', " + names + " FROM " + table + "_v0");
            }
            for (int i = SCOPED_TABLES.size() - 1; i >= 0; i--) { // children first
                s.execute("DROP TABLE " + SCOPED_TABLES.get(i) + "_v0");
            }
        } finally {
            s.execute("PRAGMA legacy_alter_table = OFF");
        }
    }

    /** A family's table of JSON settings per function qualifier (see FunctionConfigStore). */
    private static String functionConfigTable(String name) {
        return """
                CREATE TABLE IF NOT EXISTS NAME (
                  account TEXT NOT NULL,
                  region TEXT NOT NULL,
                  function TEXT NOT NULL,
                  qualifier TEXT NOT NULL,
                  config TEXT NOT NULL,
                  modified_at INTEGER NOT NULL,
                  PRIMARY KEY (account, region, function, qualifier),
                  FOREIGN KEY (account, region, function) REFERENCES functions(account, region, name)
                    ON DELETE CASCADE)""".replace("NAME", name);
    }

    /**
     * A trigger that deletes, with a row of {@code table} (a version or an alias), the rows of {@code tables} kept
     * under its name as their qualifier.
     */
    private static String qualifierGone(String table, String column, List<String> tables) {
        StringBuilder trigger = new StringBuilder("CREATE TRIGGER IF NOT EXISTS qualifier_gone_" + table
                + " AFTER DELETE ON " + table + " BEGIN\n");
        for (String owned : tables) {
            trigger.append("  DELETE FROM ").append(owned).append(" WHERE account = old.account AND region ="
                    + " old.region AND function = old.function AND qualifier = old.").append(column).append(";\n");
        }
        return trigger.append("END").toString();
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?", table, column);
    }

    /** The hashes of every blob a row references, as one query. */
    static String referencedBlobs() {
        StringBuilder sql = new StringBuilder();
        for (BlobReference reference : BLOB_REFERENCES) {
            sql.append(sql.isEmpty() ? "" : " UNION ").append("SELECT ").append(reference.column()).append(" FROM ")
                    .append(reference.table());
        }
        return sql.toString();
    }

    private static String dropTrigger(String template, BlobReference reference) {
        String sameKey = String.join(" AND ", reference.keys().stream().map(k -> k + " = new." + k).toList());
        return template.replace("NOW", "CAST(unixepoch('subsec') * 1000 AS INTEGER)")
                .replace("TABLE", reference.table()).replace("COLUMN", reference.column())
                .replace("SAME_KEY", sameKey);
    }
}
