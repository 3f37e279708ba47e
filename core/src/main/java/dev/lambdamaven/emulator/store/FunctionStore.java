package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code functions} and {@code versions} tables, per account and region. All methods run inside a caller's
 * transaction.
 */
public final class FunctionStore {

    private static final String SELECT = "SELECT account, region, function, version, config, env, code_sha,"
            + " revision, op, done_at, failure_code, failure_reason FROM versions";
    private static final String IN_SCOPE = " account = ? AND region = ? ";

    public boolean exists(Connection c, Scope scope, String name) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM functions WHERE" + IN_SCOPE + "AND name = ?", scope.account(),
                scope.region(), name);
    }

    public void insertFunction(Connection c, Scope scope, String name, long now) throws SQLException {
        Sql.update(c, "INSERT INTO functions(account, region, name, created_at) VALUES (?, ?, ?, ?)", scope.account(),
                scope.region(), name, now);
    }

    public List<String> names(Connection c, Scope scope) throws SQLException {
        return Sql.list(c, "SELECT name FROM functions WHERE" + IN_SCOPE + "ORDER BY name", rs -> rs.getString(1),
                scope.account(), scope.region());
    }

    /** Increments and returns the function's version counter: numbers are never handed out twice. */
    public int nextVersion(Connection c, Scope scope, String name) throws SQLException {
        return Sql.one(c, "UPDATE functions SET last_version = last_version + 1 WHERE" + IN_SCOPE + "AND name = ?"
                + " RETURNING last_version", rs -> rs.getInt(1), scope.account(), scope.region(), name).orElseThrow();
    }

    public Integer reservedConcurrency(Connection c, Scope scope, String name) throws SQLException {
        return Sql.one(c, "SELECT reserved_concurrency FROM functions WHERE" + IN_SCOPE + "AND name = ?", rs -> {
            int value = rs.getInt(1);
            return rs.wasNull() ? null : value;
        }, scope.account(), scope.region(), name).orElse(null);
    }

    public void setReservedConcurrency(Connection c, Scope scope, String name, Integer value) throws SQLException {
        Sql.update(c, "UPDATE functions SET reserved_concurrency = ? WHERE" + IN_SCOPE + "AND name = ?", value,
                scope.account(), scope.region(), name);
    }

    /** Reserved concurrency of the account's functions in the region, but {@code exceptName}'s. */
    public long totalReservedConcurrency(Connection c, Scope scope, String exceptName) throws SQLException {
        return Sql.one(c, "SELECT COALESCE(SUM(reserved_concurrency), 0) FROM functions WHERE" + IN_SCOPE
                + "AND name <> ?", rs -> rs.getLong(1), scope.account(), scope.region(), exceptName).orElse(0L);
    }

    public Optional<VersionRow> version(Connection c, Scope scope, String name, String version) throws SQLException {
        return Sql.one(c, SELECT + " WHERE" + IN_SCOPE + "AND function = ? AND version = ?", FunctionStore::row,
                scope.account(), scope.region(), name, version);
    }

    /** $LATEST first, then published versions in numeric order. */
    public List<VersionRow> versions(Connection c, Scope scope, String name) throws SQLException {
        return Sql.list(c, SELECT + " WHERE" + IN_SCOPE + "AND function = ? ORDER BY CASE version WHEN '$LATEST'"
                + " THEN -1 ELSE CAST(version AS INTEGER) END", FunctionStore::row, scope.account(), scope.region(),
                name);
    }

    /** The versions, in every account and region, whose operation is done at {@code doneAt}. */
    public List<VersionRow> doneAt(Connection c, long doneAt) throws SQLException {
        return Sql.list(c, SELECT + " WHERE done_at = ?", FunctionStore::row, doneAt);
    }

    public void put(Connection c, VersionRow row) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO versions(account, region, function, version, config, env, code_sha,"
                + " revision, op, done_at, failure_code, failure_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.scope().account(), row.scope().region(), row.function(), row.version(), Json.text(row.config()),
                row.env(), row.codeSha(), row.revision(), row.op(), row.doneAt(), row.failureCode(),
                row.failureReason());
    }

    /** Gives a version a new revision id, for a change that is not to its configuration (a tag, a publish). */
    public void setRevision(Connection c, Scope scope, String name, String version, String revision)
            throws SQLException {
        Sql.update(c, "UPDATE versions SET revision = ? WHERE" + IN_SCOPE + "AND function = ? AND version = ?",
                revision, scope.account(), scope.region(), name, version);
    }

    public void deleteVersion(Connection c, Scope scope, String name, String version) throws SQLException {
        Sql.update(c, "DELETE FROM versions WHERE" + IN_SCOPE + "AND function = ? AND version = ?", scope.account(),
                scope.region(), name, version);
    }

    /** Deletes the function with its versions and aliases (cascade). */
    public void deleteFunction(Connection c, Scope scope, String name) throws SQLException {
        Sql.update(c, "DELETE FROM functions WHERE" + IN_SCOPE + "AND name = ?", scope.account(), scope.region(),
                name);
    }

    private static VersionRow row(ResultSet rs) throws SQLException {
        return new VersionRow(new Scope(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                Json.parseObject(rs.getString(5)), rs.getBytes(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getLong(10), rs.getString(11), rs.getString(12));
    }
}
