package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code function_policies} table: the resource-based policy of a function, a version or an alias (its IAM
 * document, statements in the order they were added) and the policy's revision id. An empty policy has no row.
 */
public final class PolicyStore {

    /** One stored policy. */
    public record Policy(ObjectNode document, String revision) {}

    private static final String KEY = " account = ? AND region = ? AND function = ? AND qualifier = ?";

    /** {@code qualifier}: {@code ""} for the function itself, else a version number or an alias name. */
    public Optional<Policy> find(Connection c, Scope scope, String function, String qualifier) throws SQLException {
        return Sql.one(c, "SELECT document, revision FROM function_policies WHERE" + KEY,
                rs -> new Policy(Json.parseObject(rs.getString(1)), rs.getString(2)), scope.account(), scope.region(),
                function, qualifier);
    }

    public void put(Connection c, Scope scope, String function, String qualifier, Policy policy) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO function_policies(account, region, function, qualifier, document,"
                + " revision) VALUES (?, ?, ?, ?, ?, ?)", scope.account(), scope.region(), function, qualifier,
                Json.text(policy.document()), policy.revision());
    }

    public void delete(Connection c, Scope scope, String function, String qualifier) throws SQLException {
        Sql.update(c, "DELETE FROM function_policies WHERE" + KEY, scope.account(), scope.region(), function,
                qualifier);
    }
}
