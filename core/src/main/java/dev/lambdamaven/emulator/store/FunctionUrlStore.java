package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code function_urls} table: one URL config per function or alias, found also by its URL id. */
public final class FunctionUrlStore {

    /**
     * One URL config. {@code qualifier}: {@code ""} for the function itself, else an alias name; {@code cors} and
     * {@code invokeMode} are {@code null} when never set.
     */
    public record UrlConfig(Scope scope, String function, String qualifier, String urlId, String authType,
            ObjectNode cors, String invokeMode, long createdAt, long modifiedAt) {}

    private static final String SELECT = "SELECT account, region, function, qualifier, url_id, auth_type, cors,"
            + " invoke_mode, created_at, modified_at FROM function_urls";
    private static final String FUNCTION = " WHERE account = ? AND region = ? AND function = ?";

    public Optional<UrlConfig> find(Connection c, Scope scope, String function, String qualifier)
            throws SQLException {
        return Sql.one(c, SELECT + FUNCTION + " AND qualifier = ?", FunctionUrlStore::row, scope.account(),
                scope.region(), function, qualifier);
    }

    /** The config a URL id belongs to, in any account and region (the id alone names it, as its host name does). */
    public Optional<UrlConfig> byUrlId(Connection c, String urlId) throws SQLException {
        return Sql.one(c, SELECT + " WHERE url_id = ?", FunctionUrlStore::row, urlId);
    }

    /** The function's own config first, then its aliases' by name. */
    public List<UrlConfig> list(Connection c, Scope scope, String function) throws SQLException {
        return Sql.list(c, SELECT + FUNCTION + " ORDER BY qualifier", FunctionUrlStore::row, scope.account(),
                scope.region(), function);
    }

    public void put(Connection c, UrlConfig url) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO function_urls(account, region, function, qualifier, url_id, auth_type,"
                + " cors, invoke_mode, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                url.scope().account(), url.scope().region(), url.function(), url.qualifier(), url.urlId(),
                url.authType(), url.cors() == null ? null : Json.text(url.cors()), url.invokeMode(), url.createdAt(),
                url.modifiedAt());
    }

    public void delete(Connection c, Scope scope, String function, String qualifier) throws SQLException {
        Sql.update(c, "DELETE FROM function_urls" + FUNCTION + " AND qualifier = ?", scope.account(), scope.region(),
                function, qualifier);
    }

    private static UrlConfig row(ResultSet rs) throws SQLException {
        String cors = rs.getString(7);
        return new UrlConfig(new Scope(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), cors == null ? null : Json.parseObject(cors), rs.getString(8),
                rs.getLong(9), rs.getLong(10));
    }
}
