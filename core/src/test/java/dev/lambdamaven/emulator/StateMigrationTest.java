package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A state directory written before state was kept per account and region keeps everything it holds: its rows
 * become the default account's, in us-east-1. The old directory is made the way it was: a current emulator writes
 * the state, which is then taken back to the version 0 schema (the tables of 0.1.0-SNAPSHOT up to commit f92c8f7,
 * below) with its triggers, and the network file back to {@code vpc.json}.
 */
class StateMigrationTest {

    /** The version 0 tables that had no account or region, as that version created them. */
    private static final Map<String, String> V0_TABLES = Map.of(
            "functions", "CREATE TABLE functions (name TEXT PRIMARY KEY, last_version INTEGER NOT NULL DEFAULT 0,"
                    + " reserved_concurrency INTEGER, created_at INTEGER NOT NULL)",
            "versions", "CREATE TABLE versions (function TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,"
                    + " version TEXT NOT NULL, config TEXT NOT NULL, env BLOB, code_sha TEXT NOT NULL, revision TEXT"
                    + " NOT NULL, op TEXT NOT NULL, done_at INTEGER NOT NULL, failure_code TEXT, failure_reason TEXT,"
                    + " PRIMARY KEY (function, version))",
            "aliases", "CREATE TABLE aliases (function TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,"
                    + " name TEXT NOT NULL, version TEXT NOT NULL, description TEXT NOT NULL, routing TEXT, revision"
                    + " TEXT NOT NULL, PRIMARY KEY (function, name))",
            "layers", "CREATE TABLE layers (name TEXT PRIMARY KEY, last_version INTEGER NOT NULL DEFAULT 0)",
            "layer_versions", "CREATE TABLE layer_versions (name TEXT NOT NULL REFERENCES layers(name), version"
                    + " INTEGER NOT NULL, config TEXT NOT NULL, zip_sha TEXT NOT NULL, unzipped_size INTEGER NOT NULL,"
                    + " policy_revision TEXT, PRIMARY KEY (name, version))",
            "layer_statements", "CREATE TABLE layer_statements (name TEXT NOT NULL, version INTEGER NOT NULL, sid"
                    + " TEXT NOT NULL, statement TEXT NOT NULL, PRIMARY KEY (name, version, sid))");
    private static final List<String> ORDER = List.of("functions", "versions", "aliases", "layers",
            "layer_versions", "layer_statements");

    @TempDir
    Path dir;

    @Test
    void aStateDirectoryOfTheSingleRegionVersionKeepsEverythingItHolds() throws Exception {
        byte[] code = zip("a", "legacy code");
        byte[] library = zip("java/lib/lib.jar", "library");
        String layerArn;
        String revision;
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator);
                S3Client s3 = s3(emulator)) {
            layerArn = lambda.publishLayerVersion(b -> b.layerName("libs").content(c -> c.zipFile(
                    SdkBytes.fromByteArray(library)))).layerVersionArn();
            lambda.addLayerVersionPermission(b -> b.layerName("libs").versionNumber(1L).statementId("all")
                    .action("lambda:GetLayerVersion").principal("*"));
            lambda.createFunction(createRequest("legacy", code).publish(true).layers(layerArn)
                    .environment(e -> e.variables(Map.of("DB_PASSWORD", "s3cret")))
                    .vpcConfig(v -> v.subnetIds(VpcTest.SUBNET).securityGroupIds(VpcTest.GROUP))
                    .tags(Map.of("team", "orders")).build());
            lambda.createAlias(b -> b.functionName("legacy").name("live").functionVersion("1"));
            lambda.putFunctionConcurrency(b -> b.functionName("legacy").reservedConcurrentExecutions(5));
            s3.createBucket(b -> b.bucket("artifacts"));
            s3.putObject(b -> b.bucket("artifacts").key("code.zip"), RequestBody.fromBytes(code));
            revision = lambda.getAlias(b -> b.functionName("legacy").name("live")).revisionId();
        }
        backToVersion0();
        assertThat(dir.resolve("vpc.json")).exists();

        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator);
                S3Client s3 = s3(emulator)) {
            var function = lambda.getFunction(b -> b.functionName("legacy").qualifier("1"));
            assertThat(function.configuration().functionArn())
                    .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:legacy:1");
            assertThat(function.configuration().environment().variables()).containsEntry("DB_PASSWORD", "s3cret");
            assertThat(function.configuration().layers()).extracting(l -> l.arn()).containsExactly(layerArn);
            assertThat(function.configuration().vpcConfig().subnetIds()).containsExactly(VpcTest.SUBNET);
            assertThat(function.tags()).containsEntry("team", "orders");
            assertThat(function.concurrency().reservedConcurrentExecutions()).isEqualTo(5);
            var alias = lambda.getAlias(b -> b.functionName("legacy").name("live"));
            assertThat(alias.functionVersion()).isEqualTo("1");
            assertThat(alias.revisionId()).isEqualTo(revision);
            assertThat(lambda.getLayerVersionPolicy(b -> b.layerName("libs").versionNumber(1L)).policy())
                    .contains("\"Sid\":\"all\"");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("artifacts").key("code.zip")).asByteArray()).isEqualTo(code);
            // the counters came along: numbers are still never handed out twice
            lambda.updateFunctionConfiguration(b -> b.functionName("legacy").memorySize(256));
            assertThat(lambda.publishVersion(b -> b.functionName("legacy")).version()).isEqualTo("2");
            assertThat(lambda.publishLayerVersion(b -> b.layerName("libs").content(c -> c.zipFile(
                    SdkBytes.fromByteArray(zip("java/lib/lib.jar", "v2"))))).version()).isEqualTo(2L);
        }
        assertThat(dir.resolve("vpc/us-east-1.json")).exists();
        assertThat(dir.resolve("vpc.json")).doesNotExist();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("emulator.db"));
                Statement s = c.createStatement(); ResultSet version = s.executeQuery("PRAGMA user_version")) {
            assertThat(version.getInt(1)).isEqualTo(2);
        }
    }

    /** Rebuilds the Lambda tables without their account and region columns, as version 0 had them. */
    private void backToVersion0() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("emulator.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            try (ResultSet triggers = c.createStatement().executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (triggers.next()) {
                    c.createStatement().execute("DROP TRIGGER " + triggers.getString(1));
                }
            }
            for (String table : ORDER) {
                assertThat(s.executeQuery("SELECT count(*) FROM " + table + " WHERE account <> '123456789012' OR"
                        + " region <> 'us-east-1'").getInt(1)).isZero();
                s.execute("ALTER TABLE " + table + " RENAME TO " + table + "_now");
            }
            for (String table : ORDER) {
                s.execute(V0_TABLES.get(table));
                String columns = columnsWithoutScope(c, table + "_now");
                s.execute("INSERT INTO " + table + "(" + columns + ") SELECT " + columns + " FROM " + table + "_now");
            }
            for (int i = ORDER.size() - 1; i >= 0; i--) {
                s.execute("DROP TABLE " + ORDER.get(i) + "_now");
            }
            s.execute("ALTER TABLE s3_buckets DROP COLUMN account");
            s.execute("ALTER TABLE s3_buckets DROP COLUMN region");
            // version 0's blob triggers, keyed by (function, version) and (name, version)
            for (String[] ref : new String[][] {{"versions", "code_sha", "function"}, {"layer_versions", "zip_sha",
                    "name"}}) {
                s.execute("CREATE TRIGGER blob_drop_" + ref[0] + "_delete AFTER DELETE ON " + ref[0] + " BEGIN INSERT"
                        + " INTO blob_drops(sha, dropped_at) SELECT old." + ref[1] + ", 0 WHERE true ON CONFLICT(sha)"
                        + " DO UPDATE SET dropped_at = excluded.dropped_at; END");
                s.execute("CREATE TRIGGER blob_drop_" + ref[0] + "_replace BEFORE INSERT ON " + ref[0] + " BEGIN"
                        + " INSERT INTO blob_drops(sha, dropped_at) SELECT " + ref[1] + ", 0 FROM " + ref[0] + " WHERE "
                        + ref[2] + " = new." + ref[2] + " AND version = new.version AND " + ref[1] + " IS NOT new."
                        + ref[1] + " ON CONFLICT(sha) DO UPDATE SET dropped_at = excluded.dropped_at; END");
            }
            s.execute("PRAGMA user_version = 0");
        }
        Files.move(dir.resolve("vpc/us-east-1.json"), dir.resolve("vpc.json"));
        Files.delete(dir.resolve("vpc"));
    }

    private static String columnsWithoutScope(Connection c, String table) throws Exception {
        StringBuilder columns = new StringBuilder();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!List.of("account", "region", "warming").contains(name)) { // columns version 0 did not have
                    columns.append(columns.isEmpty() ? "" : ", ").append(name);
                }
            }
        }
        return columns.toString();
    }

    private static S3Client s3(Emulator emulator) {
        return S3Client.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s")))
                .build();
    }
}
