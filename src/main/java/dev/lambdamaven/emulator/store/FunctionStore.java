package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code functions} and {@code versions} tables. All methods run inside a caller's transaction. */
public final class FunctionStore {

    public boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM functions WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void insertFunction(Connection c, String name, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO functions(name, created_at) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
    }

    public List<String> names(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM functions ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Increments and returns the function's version counter: numbers are never handed out twice. */
    public int nextVersion(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE functions SET last_version = last_version + 1 WHERE name = ? RETURNING last_version")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public Integer reservedConcurrency(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT reserved_concurrency FROM functions WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                int value = rs.getInt(1);
                return rs.wasNull() ? null : value;
            }
        }
    }

    public void setReservedConcurrency(Connection c, String name, Integer value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE functions SET reserved_concurrency = ? WHERE name = ?")) {
            if (value == null) {
                ps.setNull(1, java.sql.Types.INTEGER);
            } else {
                ps.setInt(1, value);
            }
            ps.setString(2, name);
            ps.executeUpdate();
        }
    }

    public long totalReservedConcurrency(Connection c, String exceptName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(SUM(reserved_concurrency), 0) FROM functions WHERE name <> ?")) {
            ps.setString(1, exceptName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<VersionRow> version(Connection c, String name, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE function = ? AND version = ?")) {
            ps.setString(1, name);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** $LATEST first, then published versions in numeric order. */
    public List<VersionRow> versions(Connection c, String name) throws SQLException {
        List<VersionRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE function = ? ORDER BY CASE version WHEN"
                + " '$LATEST' THEN -1 ELSE CAST(version AS INTEGER) END")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    public void put(Connection c, VersionRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO versions(function, version, config,"
                + " env, code_sha, revision, op, done_at, failure_code, failure_reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, row.function());
            ps.setString(2, row.version());
            ps.setString(3, Json.text(row.config()));
            ps.setBytes(4, row.env());
            ps.setString(5, row.codeSha());
            ps.setString(6, row.revision());
            ps.setString(7, row.op());
            ps.setLong(8, row.doneAt());
            ps.setString(9, row.failureCode());
            ps.setString(10, row.failureReason());
            ps.executeUpdate();
        }
    }

    public void deleteVersion(Connection c, String name, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM versions WHERE function = ? AND version = ?")) {
            ps.setString(1, name);
            ps.setString(2, version);
            ps.executeUpdate();
        }
    }

    /** Deletes the function with its versions and aliases (cascade). */
    public void deleteFunction(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM functions WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    private static final String SELECT = "SELECT function, version, config, env, code_sha, revision, op, done_at,"
            + " failure_code, failure_reason FROM versions";

    private static VersionRow row(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getString(1), rs.getString(2), Json.parseObject(rs.getString(3)), rs.getBytes(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9),
                rs.getString(10));
    }
}
