package dev.lambdamaven.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.Scope;

/**
 * One stored function version ({@code $LATEST} or a number).
 *
 * @param scope         the account and region the function lives in
 * @param config        stored configuration fields (no derived fields, no environment values)
 * @param env           AES-GCM ciphertext of the environment variables JSON, or {@code null}
 * @param codeSha       hex SHA-256 of the code zip
 * @param revision      base revision id; the visible one also changes once the pending operation settles
 * @param op            {@code create} or {@code update}: the last operation on this version
 * @param doneAt        epoch millis at which that operation completes
 * @param failureCode   reason code when that operation fails (e.g. SubnetOutOfIPAddresses), else null
 * @param failureReason reason text when it fails
 */
public record VersionRow(Scope scope, String function, String version, ObjectNode config, byte[] env, String codeSha,
        String revision, String op, long doneAt, String failureCode, String failureReason) {

    public static final String LATEST = "$LATEST";

    public boolean settled(long now) {
        return now >= doneAt;
    }

    /** This row with another operation, done at {@code newDoneAt}, failed with a code and reason or not ({@code null}). */
    public VersionRow withOperation(String newOp, long newDoneAt, String code, String reason) {
        return new VersionRow(scope, function, version, config, env, codeSha, revision, newOp, newDoneAt, code, reason);
    }

    /** This row with another base revision id (a change of something that belongs to it, such as its policy). */
    public VersionRow withRevision(String newRevision) {
        return new VersionRow(scope, function, version, config, env, codeSha, newRevision, op, doneAt, failureCode,
                failureReason);
    }
}
