package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code functions} and {@code versions} tables. All methods run inside a caller's transaction. */
public final class FunctionStore {

    private static final String SELECT = "SELECT function, version, config, env, code_sha, revision, op, done_at,"
            + " failure_code, failure_reason FROM versions";

    public boolean exists(Connection c, String name) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM functions WHERE name = ?", name);
    }

    public void insertFunction(Connection c, String name, long now) throws SQLException {
        Sql.update(c, "INSERT INTO functions(name, created_at) VALUES (?, ?)", name, now);
    }

    public List<String> names(Connection c) throws SQLException {
        return Sql.list(c, "SELECT name FROM functions ORDER BY name", rs -> rs.getString(1));
    }

    /** Increments and returns the function's version counter: numbers are never handed out twice. */
    public int nextVersion(Connection c, String name) throws SQLException {
        return Sql.one(c, "UPDATE functions SET last_version = last_version + 1 WHERE name = ? RETURNING last_version",
                rs -> rs.getInt(1), name).orElseThrow();
    }

    public Integer reservedConcurrency(Connection c, String name) throws SQLException {
        return Sql.one(c, "SELECT reserved_concurrency FROM functions WHERE name = ?", rs -> {
            int value = rs.getInt(1);
            return rs.wasNull() ? null : value;
        }, name).orElse(null);
    }

    public void setReservedConcurrency(Connection c, String name, Integer value) throws SQLException {
        Sql.update(c, "UPDATE functions SET reserved_concurrency = ? WHERE name = ?", value, name);
    }

    public long totalReservedConcurrency(Connection c, String exceptName) throws SQLException {
        return Sql.one(c, "SELECT COALESCE(SUM(reserved_concurrency), 0) FROM functions WHERE name <> ?",
                rs -> rs.getLong(1), exceptName).orElse(0L);
    }

    public Optional<VersionRow> version(Connection c, String name, String version) throws SQLException {
        return Sql.one(c, SELECT + " WHERE function = ? AND version = ?", FunctionStore::row, name, version);
    }

    /** $LATEST first, then published versions in numeric order. */
    public List<VersionRow> versions(Connection c, String name) throws SQLException {
        return Sql.list(c, SELECT + " WHERE function = ? ORDER BY CASE version WHEN '$LATEST' THEN -1"
                + " ELSE CAST(version AS INTEGER) END", FunctionStore::row, name);
    }

    public void put(Connection c, VersionRow row) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO versions(function, version, config, env, code_sha, revision, op,"
                + " done_at, failure_code, failure_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.function(),
                row.version(), Json.text(row.config()), row.env(), row.codeSha(), row.revision(), row.op(),
                row.doneAt(), row.failureCode(), row.failureReason());
    }

    public void deleteVersion(Connection c, String name, String version) throws SQLException {
        Sql.update(c, "DELETE FROM versions WHERE function = ? AND version = ?", name, version);
    }

    /** Deletes the function with its versions and aliases (cascade). */
    public void deleteFunction(Connection c, String name) throws SQLException {
        Sql.update(c, "DELETE FROM functions WHERE name = ?", name);
    }

    private static VersionRow row(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getString(1), rs.getString(2), Json.parseObject(rs.getString(3)), rs.getBytes(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9),
                rs.getString(10));
    }
}
