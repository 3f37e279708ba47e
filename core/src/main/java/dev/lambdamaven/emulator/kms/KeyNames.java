package dev.lambdamaven.emulator.kms;

import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How KMS names a key: key id, key ARN, alias name or alias ARN, in the caller's account and region, with AWS's
 * answers for names that are malformed, of another region, or of nothing; and the key a ciphertext names.
 */
final class KeyNames {

    static final Pattern KEY_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
    private static final Pattern ARN = Pattern.compile("arn:([^:]+):kms:([^:]*):([^:]*):(key|alias)/(.+)");
    private static final String AWS_LAMBDA_ALIAS = "alias/aws/lambda";

    private final KmsStore store;

    KeyNames(KmsStore store) {
        this.store = store;
    }

    /**
     * The key a ciphertext names, in the caller's account and region. AWS's answer when there is none (another
     * region, another account, or a blob of another state directory), as quoted in public issues (e.g.
     * aceew/aws-lambda-env-vars#7, Droplr/aws-env#29: status 400).
     */
    KmsKey ciphertextKey(Connection c, Scope scope, String keyArn) throws SQLException {
        Matcher m = ARN.matcher(keyArn);
        Optional<KmsKey> key = m.matches() && m.group(4).equals("key") && m.group(2).equals(scope.region())
                && m.group(3).equals(scope.account()) ? store.key(c, scope, m.group(5)) : Optional.empty();
        return key.orElseThrow(() -> new ApiException(400, "AccessDeniedException", "The ciphertext refers to a"
                + " customer master key that does not exist, does not exist in this region, or you are not allowed to"
                + " access."));
    }

    /** A key named by key id, key ARN, alias name or alias ARN, in the caller's account and region. */
    KmsKey resolve(Connection c, Scope scope, String reference) throws SQLException {
        String keyId = reference;
        String aliasName = null;
        if (reference.startsWith("arn:")) {
            Matcher m = ARN.matcher(reference);
            if (!m.matches()) {
                throw new ApiException(400, "NotFoundException", "Invalid arn " + reference);
            }
            if (!m.group(2).equals(scope.region())) {
                // recorded by LocalStack against AWS (test_get_key_in_different_region)
                throw new ApiException(400, "NotFoundException", "Invalid arn " + m.group(2));
            }
            if (m.group(4).equals("alias")) {
                aliasName = "alias/" + m.group(5);
            } else {
                keyId = m.group(5);
            }
        } else if (reference.startsWith("alias/")) {
            aliasName = reference;
        }
        if (aliasName != null) {
            Optional<KmsStore.Alias> alias = store.alias(c, scope, aliasName);
            if (alias.isEmpty() && aliasName.equals(AWS_LAMBDA_ALIAS)) {
                // the AWS managed key of Lambda, made on first use as AWS makes it
                KmsKey managed = create(c, scope, "Default key that protects my Lambda functions when no other key"
                        + " is defined", "AWS");
                long now = System.currentTimeMillis();
                store.insertAlias(c, scope, new KmsStore.Alias(aliasName, managed.keyId(), now, now));
                return managed;
            }
            keyId = alias.orElseThrow(() -> aliasNotFound(scope, reference)).keyId();
        }
        return keyOnly(c, scope, keyId);
    }

    /** A key named by key id or key ARN (what ListAliases filters by). */
    KmsKey keyOnly(Connection c, Scope scope, String reference) throws SQLException {
        String keyId = reference;
        String arn = null;
        Matcher m = ARN.matcher(reference);
        if (m.matches() && m.group(4).equals("key")) {
            if (!m.group(2).equals(scope.region())) {
                throw new ApiException(400, "NotFoundException", "Invalid arn " + m.group(2));
            }
            keyId = m.group(5);
            arn = reference;
        }
        if (!KEY_ID.matcher(keyId).matches()) {
            // recorded by LocalStack against AWS (test_get_key_invalid_uuid)
            throw new ApiException(400, "NotFoundException", "Invalid keyId '" + keyId + "'");
        }
        // recorded by LocalStack against AWS (test_get_key_does_not_exist); a key of another account is not found
        String named = arn != null ? arn : KmsKey.arn(scope, keyId);
        return store.key(c, scope, keyId).filter(k -> k.arn().equals(named))
                .orElseThrow(() -> new ApiException(400, "NotFoundException", "Key '" + named + "' does not exist"));
    }

    KmsKey create(Connection c, Scope scope, String description, String manager) throws SQLException {
        KmsKey key = new KmsKey(scope, Ids.uuid(), description, true, manager,
                HexFormat.of().formatHex(Ciphertext.Random.bytes(32)), System.currentTimeMillis());
        store.insert(c, key, Ciphertext.Random.bytes(32));
        return key;
    }

    static ApiException aliasNotFound(Scope scope, String alias) {
        // LocalStack's note: AWS names the alias by its ARN in this message
        String name = alias.startsWith("arn:") ? alias : aliasArn(scope, alias);
        return new ApiException(400, "NotFoundException", "Alias " + name + " is not found.");
    }

    static String aliasArn(Scope scope, String name) {
        return "arn:" + scope.partition() + ":kms:" + scope.region() + ":" + scope.account() + ":" + name;
    }
}
