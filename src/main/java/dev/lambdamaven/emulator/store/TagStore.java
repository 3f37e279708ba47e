package dev.lambdamaven.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** The {@code tags} table, keyed by resource ARN. */
public final class TagStore {

    public Map<String, String> tags(Connection c, String arn) throws SQLException {
        Map<String, String> tags = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM tags WHERE arn = ?")) {
            ps.setString(1, arn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return tags;
    }

    public void put(Connection c, String arn, Map<String, String> tags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO tags(arn, key, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                ps.setString(1, arn);
                ps.setString(2, tag.getKey());
                ps.setString(3, tag.getValue());
                ps.executeUpdate();
            }
        }
    }

    public void remove(Connection c, String arn, Iterable<String> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE arn = ? AND key = ?")) {
            for (String key : keys) {
                ps.setString(1, arn);
                ps.setString(2, key);
                ps.executeUpdate();
            }
        }
    }

    public void removeAll(Connection c, String arn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE arn = ?")) {
            ps.setString(1, arn);
            ps.executeUpdate();
        }
    }
}
