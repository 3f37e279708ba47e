package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO layers(name) VALUES (?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE layers SET last_version = last_version + 1 WHERE name = ? RETURNING last_version")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void put(Connection c, LayerVersionRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO layer_versions(name, version, config,"
                + " zip_sha, unzipped_size, policy_revision) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, row.name());
            ps.setLong(2, row.version());
            ps.setString(3, Json.text(row.config()));
            ps.setString(4, row.zipSha());
            ps.setLong(5, row.unzippedSize());
            ps.setString(6, row.policyRevision());
            ps.executeUpdate();
        }
    }

    public Optional<LayerVersionRow> version(Connection c, String name, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE name = ? AND version = ?")) {
            ps.setString(1, name);
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Newest first. */
    public List<LayerVersionRow> versions(Connection c, String name) throws SQLException {
        List<LayerVersionRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE name = ? ORDER BY version DESC")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    /** The newest version of every layer that has one, by layer name. */
    public List<LayerVersionRow> latestOfEach(Connection c) throws SQLException {
        List<LayerVersionRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " v WHERE version = (SELECT MAX(version) FROM"
                + " layer_versions w WHERE w.name = v.name) ORDER BY name")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    public void delete(Connection c, String name, long version) throws SQLException {
        for (String sql : new String[] {"DELETE FROM layer_statements WHERE name = ? AND version = ?",
            "DELETE FROM layer_versions WHERE name = ? AND version = ?"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, name);
                ps.setLong(2, version);
                ps.executeUpdate();
            }
        }
    }

    /** Statement id to statement JSON, in insertion order. */
    public Map<String, String> statements(Connection c, String name, long version) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sid, statement FROM layer_statements WHERE name = ? AND version = ? ORDER BY rowid")) {
            ps.setString(1, name);
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return result;
    }

    public void putStatement(Connection c, String name, long version, String sid, String statement)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO layer_statements(name, version, sid, statement) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, version);
            ps.setString(3, sid);
            ps.setString(4, statement);
            ps.executeUpdate();
        }
    }

    public void removeStatement(Connection c, String name, long version, String sid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM layer_statements WHERE name = ? AND version = ? AND sid = ?")) {
            ps.setString(1, name);
            ps.setLong(2, version);
            ps.setString(3, sid);
            ps.executeUpdate();
        }
    }

    public void setPolicyRevision(Connection c, String name, long version, String revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE layer_versions SET policy_revision = ? WHERE name = ? AND version = ?")) {
            ps.setString(1, revision);
            ps.setString(2, name);
            ps.setLong(3, version);
            ps.executeUpdate();
        }
    }

    private static LayerVersionRow row(ResultSet rs) throws SQLException {
        return new LayerVersionRow(rs.getString(1), rs.getLong(2), Json.parseObject(rs.getString(3)),
                rs.getString(4), rs.getLong(5), rs.getString(6));
    }
}
