package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A table of JSON settings per function qualifier ({@code account, region, function, qualifier, config,
 * modified_at}): asynchronous invocation configs, recursion configs, runtime management configs. One instance per
 * table.
 */
public final class FunctionConfigStore {

    /** One stored configuration. */
    public record Config(String qualifier, ObjectNode config, long modifiedAt) {}

    public static final String EVENT_INVOKE = "event_invoke_configs";
    public static final String RECURSION = "function_recursion";
    public static final String RUNTIME_MANAGEMENT = "runtime_management";

    private static final String KEY = " account = ? AND region = ? AND function = ?";

    private final String table;

    public FunctionConfigStore(String table) {
        this.table = table;
    }

    public Optional<Config> find(Connection c, Scope scope, String function, String qualifier) throws SQLException {
        return Sql.one(c, "SELECT qualifier, config, modified_at FROM " + table + " WHERE" + KEY + " AND qualifier = ?",
                FunctionConfigStore::row, scope.account(), scope.region(), function, qualifier);
    }

    /** A function's configurations: {@code $LATEST} first, then versions in numeric order, then aliases by name. */
    public List<Config> list(Connection c, Scope scope, String function) throws SQLException {
        return Sql.list(c, "SELECT qualifier, config, modified_at FROM " + table + " WHERE" + KEY + " ORDER BY CASE"
                + " WHEN qualifier = '$LATEST' THEN 0 WHEN qualifier GLOB '[0-9]*' THEN 1 ELSE 2 END,"
                + " CAST(qualifier AS INTEGER), qualifier", FunctionConfigStore::row, scope.account(), scope.region(),
                function);
    }

    public void put(Connection c, Scope scope, String function, Config config) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO " + table + "(account, region, function, qualifier, config, modified_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", scope.account(), scope.region(), function, config.qualifier(),
                Json.text(config.config()), config.modifiedAt());
    }

    /** Whether there was a configuration to delete. */
    public boolean delete(Connection c, Scope scope, String function, String qualifier) throws SQLException {
        return Sql.update(c, "DELETE FROM " + table + " WHERE" + KEY + " AND qualifier = ?", scope.account(),
                scope.region(), function, qualifier) > 0;
    }

    private static Config row(ResultSet rs) throws SQLException {
        return new Config(rs.getString(1), Json.parseObject(rs.getString(2)), rs.getLong(3));
    }
}
