package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
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

/** The {@code aliases} table. */
public final class AliasStore {

    private static final String SELECT =
            "SELECT function, name, version, description, routing, revision FROM aliases";

    public Optional<AliasRow> find(Connection c, String function, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE function = ? AND name = ?")) {
            ps.setString(1, function);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    public List<AliasRow> list(Connection c, String function) throws SQLException {
        List<AliasRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE function = ? ORDER BY name")) {
            ps.setString(1, function);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    public void put(Connection c, AliasRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO aliases(function, name, version,"
                + " description, routing, revision) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, row.function());
            ps.setString(2, row.name());
            ps.setString(3, row.version());
            ps.setString(4, row.description());
            ps.setString(5, row.routing().isEmpty() ? null : write(row.routing()));
            ps.setString(6, row.revision());
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, String function, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM aliases WHERE function = ? AND name = ?")) {
            ps.setString(1, function);
            ps.setString(2, name);
            ps.executeUpdate();
        }
    }

    private static String write(Map<String, Double> routing) {
        try {
            return Json.MAPPER.writeValueAsString(routing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AliasRow row(ResultSet rs) throws SQLException {
        String routing = rs.getString(5);
        Map<String, Double> weights = new LinkedHashMap<>();
        if (routing != null) {
            try {
                weights = Json.MAPPER.readValue(routing, new TypeReference<LinkedHashMap<String, Double>>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("corrupt alias routing", e);
            }
        }
        return new AliasRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), weights,
                rs.getString(6));
    }
}
