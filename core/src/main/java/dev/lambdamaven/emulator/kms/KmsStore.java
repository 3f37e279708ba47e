package dev.lambdamaven.emulator.kms;

import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.SecretBox;
import dev.lambdamaven.emulator.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The KMS tables, {@code kms_keys} and {@code kms_aliases}, keyed by account and region as KMS keeps them. A key's
 * material is stored sealed with the state directory's {@link SecretBox}, bound to the key's ARN: no key material
 * appears in plaintext in the state directory.
 */
final class KmsStore {

    /** An alias row: its name ({@code alias/...}), the key it points at and when it was made and last moved. */
    record Alias(String name, String keyId, long createdAt, long updatedAt) {}

    private static final String KEY_COLUMNS = "key_id, description, enabled, manager, material_id, created_at";

    private final SecretBox box;

    KmsStore(SecretBox box) {
        this.box = box;
    }

    void insert(Connection c, KmsKey key, byte[] material) throws SQLException {
        Sql.update(c, "INSERT INTO kms_keys(account, region, " + KEY_COLUMNS + ", material)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", key.scope().account(), key.scope().region(), key.keyId(),
                key.description(), key.enabled() ? 1 : 0, key.manager(), key.materialId(), key.createdAt(),
                box.encrypt(material, key.arn()));
    }

    Optional<KmsKey> key(Connection c, Scope scope, String keyId) throws SQLException {
        return Sql.one(c, "SELECT " + KEY_COLUMNS + " FROM kms_keys WHERE account = ? AND region = ? AND key_id = ?",
                rs -> key(scope, rs), scope.account(), scope.region(), keyId);
    }

    /** Up to {@code limit} keys of the scope whose id sorts after {@code after} (null: from the first), by id. */
    List<KmsKey> keys(Connection c, Scope scope, String after, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + KEY_COLUMNS + " FROM kms_keys WHERE account = ? AND region = ? AND key_id > ?"
                + " ORDER BY key_id LIMIT ?", rs -> key(scope, rs), scope.account(), scope.region(),
                after == null ? "" : after, limit);
    }

    /** The key's material, unsealed. */
    byte[] material(Connection c, KmsKey key) throws SQLException {
        byte[] sealed = Sql.one(c, "SELECT material FROM kms_keys WHERE account = ? AND region = ? AND key_id = ?",
                rs -> rs.getBytes(1), key.scope().account(), key.scope().region(), key.keyId())
                .orElseThrow(() -> new SQLException("key " + key.arn() + " has no material"));
        return box.decrypt(sealed, key.arn());
    }

    void setEnabled(Connection c, KmsKey key, boolean enabled) throws SQLException {
        Sql.update(c, "UPDATE kms_keys SET enabled = ? WHERE account = ? AND region = ? AND key_id = ?",
                enabled ? 1 : 0, key.scope().account(), key.scope().region(), key.keyId());
    }

    Optional<Alias> alias(Connection c, Scope scope, String name) throws SQLException {
        return Sql.one(c, "SELECT name, key_id, created_at, updated_at FROM kms_aliases WHERE account = ? AND region = ?"
                + " AND name = ?", KmsStore::alias, scope.account(), scope.region(), name);
    }

    /** Up to {@code limit} aliases after {@code after} by name, only those of {@code keyId} when it is not null. */
    List<Alias> aliases(Connection c, Scope scope, String keyId, String after, int limit) throws SQLException {
        return Sql.list(c, "SELECT name, key_id, created_at, updated_at FROM kms_aliases WHERE account = ? AND region = ?"
                + " AND (? IS NULL OR key_id = ?) AND name > ? ORDER BY name LIMIT ?", KmsStore::alias,
                scope.account(), scope.region(), keyId, keyId, after == null ? "" : after, limit);
    }

    void insertAlias(Connection c, Scope scope, Alias alias) throws SQLException {
        Sql.update(c, "INSERT INTO kms_aliases(account, region, name, key_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", scope.account(), scope.region(), alias.name(), alias.keyId(),
                alias.createdAt(), alias.updatedAt());
    }

    void deleteAlias(Connection c, Scope scope, String name) throws SQLException {
        Sql.update(c, "DELETE FROM kms_aliases WHERE account = ? AND region = ? AND name = ?", scope.account(),
                scope.region(), name);
    }

    private static KmsKey key(Scope scope, ResultSet rs) throws SQLException {
        return new KmsKey(scope, rs.getString(1), rs.getString(2), rs.getInt(3) != 0, rs.getString(4),
                rs.getString(5), rs.getLong(6));
    }

    private static Alias alias(ResultSet rs) throws SQLException {
        return new Alias(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
    }
}
