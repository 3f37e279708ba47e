package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The layer tables: per-layer version counters (never reset), versions and permission statements. */
public final class LayerStore {

    private static final String SELECT =
            "SELECT name, version, config, zip_sha, unzipped_size, policy_revision FROM layer_versions";

    /** Allocates the next version number of a layer; a deleted version's number is never handed out again. */
    public long nextVersion(Connection c, String name) throws SQLException {
        Sql.update(c, "INSERT OR IGNORE INTO layers(name) VALUES (?)", name);
        return Sql.one(c, "UPDATE layers SET last_version = last_version + 1 WHERE name = ? RETURNING last_version",
                rs -> rs.getLong(1), name).orElseThrow();
    }

    public void put(Connection c, LayerVersionRow row) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO layer_versions(name, version, config, zip_sha, unzipped_size,"
                + " policy_revision) VALUES (?, ?, ?, ?, ?, ?)", row.name(), row.version(), Json.text(row.config()),
                row.zipSha(), row.unzippedSize(), row.policyRevision());
    }

    public Optional<LayerVersionRow> version(Connection c, String name, long version) throws SQLException {
        return Sql.one(c, SELECT + " WHERE name = ? AND version = ?", LayerStore::row, name, version);
    }

    /** Newest first. */
    public List<LayerVersionRow> versions(Connection c, String name) throws SQLException {
        return Sql.list(c, SELECT + " WHERE name = ? ORDER BY version DESC", LayerStore::row, name);
    }

    /** Names of the layers that have at least one version, sorted. */
    public List<String> names(Connection c) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT name FROM layer_versions ORDER BY name", rs -> rs.getString(1));
    }

    public void delete(Connection c, String name, long version) throws SQLException {
        Sql.update(c, "DELETE FROM layer_statements WHERE name = ? AND version = ?", name, version);
        Sql.update(c, "DELETE FROM layer_versions WHERE name = ? AND version = ?", name, version);
    }

    /** Statement id to statement JSON, in insertion order. */
    public Map<String, String> statements(Connection c, String name, long version) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        for (String[] s : Sql.list(c, "SELECT sid, statement FROM layer_statements WHERE name = ? AND version = ?"
                + " ORDER BY rowid", rs -> new String[] {rs.getString(1), rs.getString(2)}, name, version)) {
            result.put(s[0], s[1]);
        }
        return result;
    }

    public void putStatement(Connection c, String name, long version, String sid, String statement)
            throws SQLException {
        Sql.update(c, "INSERT INTO layer_statements(name, version, sid, statement) VALUES (?, ?, ?, ?)", name,
                version, sid, statement);
    }

    public void removeStatement(Connection c, String name, long version, String sid) throws SQLException {
        Sql.update(c, "DELETE FROM layer_statements WHERE name = ? AND version = ? AND sid = ?", name, version, sid);
    }

    public void setPolicyRevision(Connection c, String name, long version, String revision) throws SQLException {
        Sql.update(c, "UPDATE layer_versions SET policy_revision = ? WHERE name = ? AND version = ?", revision, name,
                version);
    }

    private static LayerVersionRow row(ResultSet rs) throws SQLException {
        return new LayerVersionRow(rs.getString(1), rs.getLong(2), Json.parseObject(rs.getString(3)),
                rs.getString(4), rs.getLong(5), rs.getString(6));
    }
}
