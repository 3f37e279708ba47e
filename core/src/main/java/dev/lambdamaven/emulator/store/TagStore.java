package dev.lambdamaven.emulator.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** The {@code tags} table, keyed by resource ARN. */
public final class TagStore {

    public Map<String, String> tags(Connection c, String arn) throws SQLException {
        Map<String, String> tags = new TreeMap<>();
        for (String[] tag : Sql.list(c, "SELECT key, value FROM tags WHERE arn = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, arn)) {
            tags.put(tag[0], tag[1]);
        }
        return tags;
    }

    public void put(Connection c, String arn, Map<String, String> tags) throws SQLException {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            Sql.update(c, "INSERT OR REPLACE INTO tags(arn, key, value) VALUES (?, ?, ?)", arn, tag.getKey(),
                    tag.getValue());
        }
    }

    public void remove(Connection c, String arn, Iterable<String> keys) throws SQLException {
        for (String key : keys) {
            Sql.update(c, "DELETE FROM tags WHERE arn = ? AND key = ?", arn, key);
        }
    }

    public void removeAll(Connection c, String arn) throws SQLException {
        Sql.update(c, "DELETE FROM tags WHERE arn = ?", arn);
    }
}
