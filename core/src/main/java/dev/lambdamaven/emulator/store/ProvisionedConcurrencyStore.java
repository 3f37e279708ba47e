package dev.lambdamaven.emulator.store;

import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code provisioned_concurrency} table: requested environments per version or alias, and when they are ready. */
public final class ProvisionedConcurrencyStore {

    /** One config: READY from {@code readyAt} on, IN_PROGRESS before. */
    public record Provisioned(String function, String qualifier, int requested, long modifiedAt, long readyAt) {}

    private static final String SELECT = "SELECT function, qualifier, requested, modified_at, ready_at"
            + " FROM provisioned_concurrency WHERE account = ? AND region = ?";

    public Optional<Provisioned> find(Connection c, Scope scope, String function, String qualifier)
            throws SQLException {
        return Sql.one(c, SELECT + " AND function = ? AND qualifier = ?", ProvisionedConcurrencyStore::row,
                scope.account(), scope.region(), function, qualifier);
    }

    /** Versions in numeric order, then aliases by name. */
    public List<Provisioned> list(Connection c, Scope scope, String function) throws SQLException {
        return Sql.list(c, SELECT + " AND function = ? ORDER BY CASE WHEN qualifier GLOB '[0-9]*' THEN 0 ELSE 1 END,"
                + " CAST(qualifier AS INTEGER), qualifier", ProvisionedConcurrencyStore::row, scope.account(),
                scope.region(), function);
    }

    /** A function with provisioned concurrency configs. */
    public record ProvisionedFunction(Scope scope, String function) {}

    /** Every function with a config, in any account and region. */
    public List<ProvisionedFunction> functions(Connection c) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT account, region, function FROM provisioned_concurrency",
                rs -> new ProvisionedFunction(new Scope(rs.getString(1), rs.getString(2)), rs.getString(3)));
    }

    public void put(Connection c, Scope scope, Provisioned config) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO provisioned_concurrency(account, region, function, qualifier, requested,"
                + " modified_at, ready_at) VALUES (?, ?, ?, ?, ?, ?, ?)", scope.account(), scope.region(),
                config.function(), config.qualifier(), config.requested(), config.modifiedAt(), config.readyAt());
    }

    public void delete(Connection c, Scope scope, String function, String qualifier) throws SQLException {
        Sql.update(c, "DELETE FROM provisioned_concurrency WHERE account = ? AND region = ? AND function = ? AND"
                + " qualifier = ?", scope.account(), scope.region(), function, qualifier);
    }

    /**
     * What the function's versions and aliases request together, leaving out one qualifier's config
     * ({@code ""}: none).
     */
    public long functionTotal(Connection c, Scope scope, String function, String exceptQualifier)
            throws SQLException {
        return Sql.one(c, "SELECT COALESCE(SUM(requested), 0) FROM provisioned_concurrency WHERE account = ? AND"
                + " region = ? AND function = ? AND qualifier <> ?", rs -> rs.getLong(1), scope.account(),
                scope.region(), function, exceptQualifier).orElse(0L);
    }

    /**
     * What functions without reserved concurrency request together (it comes out of the account's unreserved pool),
     * leaving out one function's config for {@code exceptQualifier}.
     */
    public long unreservedTotal(Connection c, Scope scope, String exceptFunction, String exceptQualifier)
            throws SQLException {
        return Sql.one(c, "SELECT COALESCE(SUM(p.requested), 0) FROM provisioned_concurrency p JOIN functions f"
                + " ON f.account = p.account AND f.region = p.region AND f.name = p.function WHERE p.account = ? AND"
                + " p.region = ? AND f.reserved_concurrency IS NULL AND NOT (p.function = ? AND p.qualifier = ?)",
                rs -> rs.getLong(1), scope.account(), scope.region(), exceptFunction, exceptQualifier).orElse(0L);
    }

    private static Provisioned row(ResultSet rs) throws SQLException {
        return new Provisioned(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5));
    }
}
