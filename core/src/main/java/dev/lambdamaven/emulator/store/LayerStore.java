package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The layer tables, per account and region: version counters (never reset), versions and permission statements. */
public final class LayerStore {

    private static final String SELECT = "SELECT account, region, name, version, config, zip_sha, unzipped_size,"
            + " policy_revision FROM layer_versions WHERE account = ? AND region = ?";
    private static final String VERSION_KEY = " account = ? AND region = ? AND name = ? AND version = ?";

    /** Allocates the next version number of a layer; a deleted version's number is never handed out again. */
    public long nextVersion(Connection c, Scope scope, String name) throws SQLException {
        Sql.update(c, "INSERT OR IGNORE INTO layers(account, region, name) VALUES (?, ?, ?)", scope.account(),
                scope.region(), name);
        return Sql.one(c, "UPDATE layers SET last_version = last_version + 1 WHERE account = ? AND region = ? AND"
                + " name = ? RETURNING last_version", rs -> rs.getLong(1), scope.account(), scope.region(), name)
                .orElseThrow();
    }

    public void put(Connection c, LayerVersionRow row) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO layer_versions(account, region, name, version, config, zip_sha,"
                + " unzipped_size, policy_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row.scope().account(),
                row.scope().region(), row.name(), row.version(), Json.text(row.config()), row.zipSha(),
                row.unzippedSize(), row.policyRevision());
    }

    public Optional<LayerVersionRow> version(Connection c, Scope scope, String name, long version)
            throws SQLException {
        return Sql.one(c, SELECT + " AND name = ? AND version = ?", LayerStore::row, scope.account(), scope.region(),
                name, version);
    }

    /** Newest first. */
    public List<LayerVersionRow> versions(Connection c, Scope scope, String name) throws SQLException {
        return Sql.list(c, SELECT + " AND name = ? ORDER BY version DESC", LayerStore::row, scope.account(),
                scope.region(), name);
    }

    /** Names of the layers that have at least one version, sorted. */
    public List<String> names(Connection c, Scope scope) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT name FROM layer_versions WHERE account = ? AND region = ? ORDER BY name",
                rs -> rs.getString(1), scope.account(), scope.region());
    }

    public void delete(Connection c, Scope scope, String name, long version) throws SQLException {
        Sql.update(c, "DELETE FROM layer_statements WHERE" + VERSION_KEY, scope.account(), scope.region(), name,
                version);
        Sql.update(c, "DELETE FROM layer_versions WHERE" + VERSION_KEY, scope.account(), scope.region(), name,
                version);
    }

    /** Statement id to statement JSON, in insertion order. */
    public Map<String, String> statements(Connection c, Scope scope, String name, long version) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        for (String[] s : Sql.list(c, "SELECT sid, statement FROM layer_statements WHERE" + VERSION_KEY
                + " ORDER BY rowid", rs -> new String[] {rs.getString(1), rs.getString(2)}, scope.account(),
                scope.region(), name, version)) {
            result.put(s[0], s[1]);
        }
        return result;
    }

    public void putStatement(Connection c, Scope scope, String name, long version, String sid, String statement)
            throws SQLException {
        Sql.update(c, "INSERT INTO layer_statements(account, region, name, version, sid, statement)"
                + " VALUES (?, ?, ?, ?, ?, ?)", scope.account(), scope.region(), name, version, sid, statement);
    }

    public void removeStatement(Connection c, Scope scope, String name, long version, String sid)
            throws SQLException {
        Sql.update(c, "DELETE FROM layer_statements WHERE" + VERSION_KEY + " AND sid = ?", scope.account(),
                scope.region(), name, version, sid);
    }

    public void setPolicyRevision(Connection c, Scope scope, String name, long version, String revision)
            throws SQLException {
        Sql.update(c, "UPDATE layer_versions SET policy_revision = ? WHERE" + VERSION_KEY, revision, scope.account(),
                scope.region(), name, version);
    }

    private static LayerVersionRow row(ResultSet rs) throws SQLException {
        return new LayerVersionRow(new Scope(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getLong(4),
                Json.parseObject(rs.getString(5)), rs.getString(6), rs.getLong(7), rs.getString(8));
    }
}
