package dev.lambdamaven.deploy;

import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.TransitKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Secrets encrypted in transit, as the Lambda console's encryption helpers encrypt them: the value is encrypted with
 * its KMS key under the encryption context {@code LambdaFunctionName=<function name>} before it leaves the build,
 * Lambda receives the base64 ciphertext, and the function decrypts it with KMS at start-up.
 *
 * <p>KMS gives a new ciphertext for every Encrypt, so "unchanged" cannot be told by comparing ciphertexts. The
 * deployed ciphertext is decrypted instead, with the wanted key as {@code KeyId} and the function's context: when it
 * opens to the wanted value, it is kept as it is, and a redeploy of an unchanged secret changes nothing. A hash of
 * the value kept with the function (a tag, the description) was the other way: anyone allowed to read the function
 * reads it, an unkeyed hash of a short password falls to an offline search, and a keyed one needs a key the build
 * has and readers lack, which is KMS again. Decrypting tells the deployer nothing it does not hold already, notices
 * a changed key or function name, and keeps no state. Its cost: one Decrypt per encrypted secret per deploy, and
 * {@code kms:Decrypt} on the key for the deploying role.
 */
final class TransitEncryption {

    static final String CONTEXT_KEY = "LambdaFunctionName";
    /** How much longer than its plaintext an AWS KMS ciphertext blob is (a 32-byte data key gives 184 bytes). */
    private static final int AWS_CIPHERTEXT_OVERHEAD = 152;

    private final Supplier<KmsClient> kms;
    private final boolean aws;
    private final DeployLog log;

    TransitEncryption(Supplier<KmsClient> kms, boolean aws, DeployLog log) {
        this.kms = kms;
        this.aws = aws;
        this.log = log;
    }

    /**
     * The spec as Lambda is to receive it: each secret to encrypt in transit becomes the deployed ciphertext when
     * that still holds its value under its key, else a new ciphertext when {@code encrypt}, else (a plan) a stand-in
     * as long as a new ciphertext would be, which differs from what is deployed. No KMS call without such a secret.
     */
    FunctionSpec resolve(FunctionSpec spec, DeployedFunction deployed, boolean encrypt) {
        Map<String, SecretValue> secrets = new TreeMap<>(spec.environment().secrets());
        boolean any = false;
        for (Map.Entry<String, SecretValue> secret : secrets.entrySet()) {
            TransitKey key = secret.getValue().transitKey();
            if (key == null) {
                continue;
            }
            any = true;
            checkRegion(secret.getKey(), key);
            String current = deployed == null ? null : deployed.environment().get(secret.getKey());
            byte[] value = secret.getValue().reveal().getBytes(StandardCharsets.UTF_8);
            String sent;
            String outcome;
            if (current != null && holds(spec.functionName(), secret.getKey(), key, current, value)) {
                sent = current;
                outcome = "unchanged";
            } else if (encrypt) {
                sent = encrypt(spec.functionName(), secret.getKey(), key, value);
                outcome = "encrypted";
            } else {
                sent = "*".repeat(4 * ((value.length + AWS_CIPHERTEXT_OVERHEAD + 2) / 3));
                outcome = "to be encrypted";
            }
            log.info("Function " + spec.functionName() + ": " + secret.getKey() + " encrypted in transit with KMS key "
                    + key + " (" + outcome + ")");
            secret.setValue(SecretValue.of(sent));
        }
        if (!any) {
            return spec;
        }
        try {
            return spec.withEnvironment(new Environment(spec.environment().plain(), secrets));
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException("environment", null, e.getMessage() + " (secrets encrypted in transit"
                    + " count with their ciphertexts, which are about " + AWS_CIPHERTEXT_OVERHEAD + " bytes and a"
                    + " third longer than their values)");
        }
    }

    /** Whether {@code deployed} is a ciphertext of {@code value} under {@code key} and this function's context. */
    private boolean holds(String function, String name, TransitKey key, String deployed, byte[] value) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(deployed);
        } catch (IllegalArgumentException notBase64) {
            return false; // deployed as plain text: encrypt it now
        }
        if (blob.length == 0) {
            return false;
        }
        try {
            byte[] plaintext = call(name, key, () -> kms.get().decrypt(b -> b.keyId(key.keyId())
                    .ciphertextBlob(SdkBytes.fromByteArray(blob)).encryptionContext(Map.of(CONTEXT_KEY, function)))
                    .plaintext().asByteArray());
            return MessageDigest.isEqual(plaintext, value);
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            // another value, another key or another function's ciphertext
            return false;
        } catch (KmsException e) {
            if (!accessDenied(e)) {
                throw e;
            }
            log.warn("Function " + function + ": cannot decrypt the deployed " + name + " to compare it ("
                    + e.awsErrorDetails().errorMessage() + "); it is encrypted again. If this happens on every"
                    + " deploy, allow the deploying role kms:Decrypt on " + key + " with the encryption context "
                    + CONTEXT_KEY + "=" + function + ", so that an unchanged secret publishes no new version.");
            return false;
        }
    }

    private String encrypt(String function, String name, TransitKey key, byte[] value) {
        try {
            byte[] blob = call(name, key, () -> kms.get().encrypt(b -> b.keyId(key.keyId())
                    .plaintext(SdkBytes.fromByteArray(value)).encryptionContext(Map.of(CONTEXT_KEY, function)))
                    .ciphertextBlob().asByteArray());
            return Base64.getEncoder().encodeToString(blob);
        } catch (KmsException e) {
            throw new DeployException("KMS refused to encrypt " + name + " with " + key + " ("
                    + e.awsErrorDetails().errorMessage() + "): allow the deploying role kms:Encrypt on the key", e);
        }
    }

    /**
     * A KMS call for secret {@code name}; a missing key is made on a local target when it is named by an alias (so
     * a first deploy to the emulator works without setup), and refused with the fix on AWS.
     */
    private <T> T call(String name, TransitKey key, Supplier<T> call) {
        String element = "secrets/secret[" + name + "]";
        try {
            return call.get();
        } catch (NotFoundException e) {
            if (aws || !key.isAliasName()) {
                throw new InvalidSpecException(element, key, "KMS has no such key here ("
                        + e.awsErrorDetails().errorMessage() + "): create it (aws kms create-key, then aws kms"
                        + " create-alias --alias-name alias/<name>) or name another key in <encryptInTransit>");
            }
            String keyId = kms.get().createKey(b -> b.description("made by lambda-maven-plugin for " + key))
                    .keyMetadata().keyId();
            try {
                kms.get().createAlias(b -> b.aliasName(key.keyId()).targetKeyId(keyId));
                log.info("KMS key " + key + " did not exist on this local target: created it (on AWS, create it"
                        + " before the first deploy)");
            } catch (AlreadyExistsException madeMeanwhile) {
                // another module of a parallel build made it first: use theirs
            }
            return call.get();
        } catch (DisabledException e) {
            throw new InvalidSpecException(element, key, "the KMS key is disabled: enable it (aws kms enable-key) or"
                    + " name another key in <encryptInTransit>");
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            throw e;
        } catch (KmsException e) {
            if (accessDenied(e)) {
                throw e;
            }
            throw new DeployException("KMS refused to encrypt or decrypt " + name + " with " + key + ": "
                    + e.awsErrorDetails().errorMessage(), e);
        }
    }

    /** KMS's answer when a key policy or IAM refuses, and when a ciphertext's key cannot be found. */
    private static boolean accessDenied(KmsException e) {
        return e.awsErrorDetails() != null && "AccessDeniedException".equals(e.awsErrorDetails().errorCode());
    }

    /** A key ARN or alias ARN of another region than the function's: the function could never decrypt with it. */
    private void checkRegion(String name, TransitKey key) {
        String region = key.region();
        if (region == null) {
            return;
        }
        String functionRegion = kms.get().serviceClientConfiguration().region().id();
        if (!region.equals(functionRegion)) {
            throw new InvalidSpecException("secrets/secret[" + name + "]", key, "the key is in " + region
                    + " and the function in " + functionRegion + ": a function decrypts with a KMS key of its own"
                    + " region");
        }
    }
}
