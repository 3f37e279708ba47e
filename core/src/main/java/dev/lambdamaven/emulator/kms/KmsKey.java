package dev.lambdamaven.emulator.kms;

import dev.lambdamaven.emulator.http.Scope;

/**
 * A symmetric encryption key of one account and region, as KMS keeps it: its id (a UUID), description, whether it is
 * enabled, who manages it ({@code CUSTOMER}, or {@code AWS} for {@code alias/aws/lambda}), the id of its key
 * material and when it was made. The material itself stays in the store, sealed.
 */
record KmsKey(Scope scope, String keyId, String description, boolean enabled, String manager, String materialId,
        long createdAt) {

    String arn() {
        return arn(scope, keyId);
    }

    static String arn(Scope scope, String keyId) {
        return "arn:" + scope.partition() + ":kms:" + scope.region() + ":" + scope.account() + ":key/" + keyId;
    }
}
