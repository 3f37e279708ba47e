package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code aliases} table. */
public final class AliasStore {

    private static final String SELECT =
            "SELECT account, region, function, name, version, description, routing, revision, warming FROM aliases"
                    + " WHERE account = ? AND region = ? AND function = ?";

    public Optional<AliasRow> find(Connection c, Scope scope, String function, String name) throws SQLException {
        return Sql.one(c, SELECT + " AND name = ?", AliasStore::row, scope.account(), scope.region(), function, name);
    }

    public List<AliasRow> list(Connection c, Scope scope, String function) throws SQLException {
        return Sql.list(c, SELECT + " ORDER BY name", AliasStore::row, scope.account(), scope.region(), function);
    }

    public void put(Connection c, AliasRow row) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO aliases(account, region, function, name, version, description, routing,"
                + " revision, warming) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row.scope().account(), row.scope().region(),
                row.function(), row.name(), row.version(), row.description(),
                row.routing().isEmpty() ? null : write(row.routing()), row.revision(), row.warming());
    }

    public void delete(Connection c, Scope scope, String function, String name) throws SQLException {
        Sql.update(c, "DELETE FROM aliases WHERE account = ? AND region = ? AND function = ? AND name = ?",
                scope.account(), scope.region(), function, name);
    }

    private static String write(Map<String, Double> routing) {
        ObjectNode node = Json.object();
        routing.forEach(node::put);
        return Json.text(node);
    }

    private static AliasRow row(ResultSet rs) throws SQLException {
        String routing = rs.getString(7);
        Map<String, Double> weights = new LinkedHashMap<>();
        if (routing != null) {
            for (Map.Entry<String, JsonNode> weight : Json.parseObject(routing).properties()) {
                weights.put(weight.getKey(), weight.getValue().doubleValue());
            }
        }
        return new AliasRow(new Scope(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), weights, rs.getString(8), rs.getString(9));
    }
}
