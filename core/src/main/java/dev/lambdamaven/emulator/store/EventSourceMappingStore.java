package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code event_source_mappings} table, per account and region; mappings outlive the functions they name. */
public final class EventSourceMappingStore {

    /**
     * One mapping. {@code source}: what it reads (the event source ARN, or a self-managed Kafka cluster's bootstrap
     * servers); {@code config}: its stored settings; {@code state} is where it ends up ({@code Enabled},
     * {@code Disabled}, {@code Deleted}), {@code transition} what it shows until {@code settleAt}
     * ({@code Creating}, {@code Updating}, ...), or {@code null}.
     */
    public record Mapping(Scope scope, String uuid, String function, String qualifier, String source,
            ObjectNode config, String state, String transition, long settleAt, long modifiedAt) {

        public boolean settled(long now) {
            return now >= settleAt;
        }
    }

    private static final String SELECT = "SELECT account, region, uuid, function, qualifier, source, config, state,"
            + " transition, settle_at, modified_at FROM event_source_mappings WHERE account = ? AND region = ?";

    public Optional<Mapping> find(Connection c, Scope scope, String uuid) throws SQLException {
        return Sql.one(c, SELECT + " AND uuid = ?", EventSourceMappingStore::row, scope.account(), scope.region(),
                uuid);
    }

    /** In creation order. */
    public List<Mapping> list(Connection c, Scope scope) throws SQLException {
        return Sql.list(c, SELECT + " ORDER BY rowid", EventSourceMappingStore::row, scope.account(), scope.region());
    }

    public void put(Connection c, Mapping mapping) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO event_source_mappings(account, region, uuid, function, qualifier, source,"
                + " config, state, transition, settle_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                mapping.scope().account(), mapping.scope().region(), mapping.uuid(), mapping.function(),
                mapping.qualifier(), mapping.source(), Json.text(mapping.config()), mapping.state(),
                mapping.transition(), mapping.settleAt(), mapping.modifiedAt());
    }

    /** Forgets the mappings of the scope whose deletion completed before {@code now}. */
    public void purgeDeleted(Connection c, Scope scope, long now) throws SQLException {
        Sql.update(c, "DELETE FROM event_source_mappings WHERE account = ? AND region = ? AND state = 'Deleted' AND"
                + " settle_at <= ?", scope.account(), scope.region(), now);
    }

    private static Mapping row(ResultSet rs) throws SQLException {
        return new Mapping(new Scope(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), Json.parseObject(rs.getString(7)), rs.getString(8), rs.getString(9),
                rs.getLong(10), rs.getLong(11));
    }
}
