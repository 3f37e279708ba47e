package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Code signing configs ({@code code_signing_configs}) and which function uses which ({@code function_code_signing}). */
public final class CodeSigningStore {

    /** One config: its id ({@code csc-...}) and its stored members. */
    public record SigningConfig(String id, ObjectNode config, long modifiedAt) {}

    private static final String IN_SCOPE = " WHERE account = ? AND region = ?";

    public Optional<SigningConfig> find(Connection c, Scope scope, String id) throws SQLException {
        return Sql.one(c, "SELECT id, config, modified_at FROM code_signing_configs" + IN_SCOPE + " AND id = ?",
                CodeSigningStore::row, scope.account(), scope.region(), id);
    }

    /** Oldest first. */
    public List<SigningConfig> list(Connection c, Scope scope) throws SQLException {
        return Sql.list(c, "SELECT id, config, modified_at FROM code_signing_configs" + IN_SCOPE + " ORDER BY rowid",
                CodeSigningStore::row, scope.account(), scope.region());
    }

    public void put(Connection c, Scope scope, SigningConfig config) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO code_signing_configs(account, region, id, config, modified_at)"
                + " VALUES (?, ?, ?, ?, ?)", scope.account(), scope.region(), config.id(), Json.text(config.config()),
                config.modifiedAt());
    }

    public void delete(Connection c, Scope scope, String id) throws SQLException {
        Sql.update(c, "DELETE FROM code_signing_configs" + IN_SCOPE + " AND id = ?", scope.account(), scope.region(),
                id);
    }

    /** The id of the config a function uses, if any. */
    public Optional<String> configOf(Connection c, Scope scope, String function) throws SQLException {
        return Sql.one(c, "SELECT config_id FROM function_code_signing" + IN_SCOPE + " AND function = ?",
                rs -> rs.getString(1), scope.account(), scope.region(), function);
    }

    /** The names of the functions that use a config, sorted. */
    public List<String> functionsUsing(Connection c, Scope scope, String id) throws SQLException {
        return Sql.list(c, "SELECT function FROM function_code_signing" + IN_SCOPE + " AND config_id = ?"
                + " ORDER BY function", rs -> rs.getString(1), scope.account(), scope.region(), id);
    }

    public void attach(Connection c, Scope scope, String function, String id) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO function_code_signing(account, region, function, config_id)"
                + " VALUES (?, ?, ?, ?)", scope.account(), scope.region(), function, id);
    }

    public void detach(Connection c, Scope scope, String function) throws SQLException {
        Sql.update(c, "DELETE FROM function_code_signing" + IN_SCOPE + " AND function = ?", scope.account(),
                scope.region(), function);
    }

    private static SigningConfig row(ResultSet rs) throws SQLException {
        return new SigningConfig(rs.getString(1), Json.parseObject(rs.getString(2)), rs.getLong(3));
    }
}
