package dev.lambdamaven.emulator.kms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.FrontDoor;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.Database;
import dev.lambdamaven.emulator.store.SecretBox;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The KMS operations a function needs to encrypt and decrypt its secrets, and those a user needs to make the key:
 * symmetric keys ({@code SYMMETRIC_DEFAULT}) per account and region, durable, their material sealed at rest.
 * Keys are named as KMS names them: key id, key ARN, alias name or alias ARN; {@code alias/aws/lambda} is made on
 * first use, as AWS makes an AWS managed key. Not modelled: key policies, grants (tokens are accepted and
 * ignored), asymmetric and HMAC keys, deletion, rotation, tags.
 */
public final class KmsHandler {

    static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    /** Plaintexts KMS encrypts directly: 1 to 4096 bytes; its ciphertext blobs: up to 6144. */
    static final int MAX_PLAINTEXT = 4096;
    static final int MAX_CIPHERTEXT = 6144;

    private static final Pattern ALIAS_NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    private static final List<String> ENCRYPTION_ALGORITHMS = List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1",
            "RSAES_OAEP_SHA_256", "SM2PKE");
    private static final List<String> KEY_USAGES = List.of("SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC",
            "KEY_AGREEMENT");
    private static final List<String> KEY_SPECS = List.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256",
            "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384",
            "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519");
    private static final List<String> ORIGINS = List.of("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");
    private static final List<String> DATA_KEY_SPECS = List.of("AES_256", "AES_128");

    private final Database db;
    private final KmsStore store;
    private final KeyNames keys;

    public KmsHandler(Database db, SecretBox box) {
        this.db = db;
        this.store = new KmsStore(box);
        this.keys = new KeyNames(store);
    }

    public ApiResponse createKey(ApiRequest request) {
        KmsRequest in = KmsRequest.read(request, "CreateKey");
        String description = in.string("Description", false, 0, 8192);
        String usage = in.oneOf("KeyUsage", KEY_USAGES);
        String spec = in.oneOf("KeySpec", KEY_SPECS);
        String masterKeySpec = in.oneOf("CustomerMasterKeySpec", KEY_SPECS);
        String origin = in.oneOf("Origin", ORIGINS);
        in.string("Policy", false, 1, 131072);
        in.string("CustomKeyStoreId", false, 1, 64);
        in.bool("BypassPolicyLockoutSafetyCheck");
        in.list("Tags", 50);
        boolean multiRegion = in.bool("MultiRegion");
        in.validate();
        for (String[] setting : new String[][] {{"KeyUsage", usage, "ENCRYPT_DECRYPT"},
                {"KeySpec", spec, SYMMETRIC_DEFAULT}, {"CustomerMasterKeySpec", masterKeySpec, SYMMETRIC_DEFAULT},
                {"Origin", origin, "AWS_KMS"}}) {
            if (setting[1] != null && !setting[1].equals(setting[2])) {
                throw unsupported(setting[0] + " " + setting[1]);
            }
        }
        if (multiRegion) {
            throw unsupported("MultiRegion keys");
        }
        KmsKey key = db.write(c -> keys.create(c, request.scope(), description == null ? "" : description, "CUSTOMER"));
        return answer(Json.object().set("KeyMetadata", metadata(key)));
    }

    public ApiResponse describeKey(ApiRequest request) {
        KmsRequest in = KmsRequest.read(request, "DescribeKey");
        String keyId = in.string("KeyId", true, 1, 2048);
        in.list("GrantTokens", 10);
        in.validate();
        KmsKey key = db.write(c -> keys.resolve(c, request.scope(), keyId));
        return answer(Json.object().set("KeyMetadata", metadata(key)));
    }

    public ApiResponse listKeys(ApiRequest request) {
        KmsRequest in = KmsRequest.read(request, "ListKeys");
        Integer limit = in.integer("Limit", false, 1, 1000);
        String marker = in.string("Marker", false, 1, 1024);
        in.validate();
        int page = limit == null ? 100 : limit;
        checkMarker(marker, KeyNames.KEY_ID);
        List<KmsKey> keys = db.read(c -> store.keys(c, request.scope(), marker, page + 1));
        ArrayNode entries = Json.array();
        keys.stream().limit(page).forEach(k -> entries.add(Json.object().put("KeyId", k.keyId()).put("KeyArn", k.arn())));
        ObjectNode out = Json.object().set("Keys", entries);
        return answer(paged(out, keys.size() > page, keys.size() > page ? keys.get(page - 1).keyId() : null));
    }

    public ApiResponse enableKey(ApiRequest request) {
        return setEnabled(request, "EnableKey", true);
    }

    public ApiResponse disableKey(ApiRequest request) {
        return setEnabled(request, "DisableKey", false);
    }

    private ApiResponse setEnabled(ApiRequest request, String operation, boolean enabled) {
        KmsRequest in = KmsRequest.read(request, operation);
        String keyId = in.string("KeyId", true, 1, 2048);
        in.validate();
        db.write(c -> {
            store.setEnabled(c, keys.resolve(c, request.scope(), keyId), enabled);
            return null;
        });
        return answer(Json.object());
    }

    public ApiResponse createAlias(ApiRequest request) {
        return putAlias(request, "CreateAlias");
    }

    public ApiResponse updateAlias(ApiRequest request) {
        return putAlias(request, "UpdateAlias");
    }

    private ApiResponse putAlias(ApiRequest request, String operation) {
        KmsRequest in = KmsRequest.read(request, operation);
        String name = in.string("AliasName", true, 1, 256);
        String target = in.string("TargetKeyId", true, 1, 2048);
        if (name != null && !name.isEmpty() && name.length() <= 256 && !ALIAS_NAME.matcher(name).matches()) {
            throw ApiException.validation(name, "aliasName", "Member must satisfy regular expression pattern: "
                    + ALIAS_NAME.pattern());
        }
        in.validate();
        checkAliasName(name);
        if (target.startsWith("alias/") || target.contains(":alias/")) {
            // moto's wording (AWS's is not recorded): an alias points at a key, never at another alias
            throw new ApiException(400, "ValidationException", "Aliases must refer to keys. Not aliases");
        }
        Scope scope = request.scope();
        db.write(c -> {
            KmsKey key = keys.resolve(c, scope, target);
            long now = System.currentTimeMillis();
            Optional<KmsStore.Alias> existing = store.alias(c, scope, name);
            if (operation.equals("CreateAlias")) {
                if (existing.isPresent()) {
                    // LocalStack's and moto's recorded wording: the alias named by its ARN
                    throw new ApiException(400, "AlreadyExistsException", "An alias with the name "
                            + KeyNames.aliasArn(scope, name) + " already exists");
                }
                store.insertAlias(c, scope, new KmsStore.Alias(name, key.keyId(), now, now));
            } else {
                KmsStore.Alias alias = existing.orElseThrow(() -> KeyNames.aliasNotFound(scope, name));
                store.deleteAlias(c, scope, name);
                store.insertAlias(c, scope, new KmsStore.Alias(name, key.keyId(), alias.createdAt(), now));
            }
            return null;
        });
        return answer(Json.object());
    }

    public ApiResponse deleteAlias(ApiRequest request) {
        KmsRequest in = KmsRequest.read(request, "DeleteAlias");
        String name = in.string("AliasName", true, 1, 256);
        in.validate();
        checkAliasName(name);
        db.write(c -> {
            store.alias(c, request.scope(), name).orElseThrow(() -> KeyNames.aliasNotFound(request.scope(), name));
            store.deleteAlias(c, request.scope(), name);
            return null;
        });
        return answer(Json.object());
    }

    public ApiResponse listAliases(ApiRequest request) {
        KmsRequest in = KmsRequest.read(request, "ListAliases");
        String keyId = in.string("KeyId", false, 1, 2048);
        Integer limit = in.integer("Limit", false, 1, 1000);
        String marker = in.string("Marker", false, 1, 1024);
        in.validate();
        int page = limit == null ? 100 : limit;
        checkMarker(marker, ALIAS_NAME);
        Scope scope = request.scope();
        List<KmsStore.Alias> aliases = db.read(c -> store.aliases(c, scope,
                keyId == null ? null : keys.keyOnly(c, scope, keyId).keyId(), marker, page + 1));
        ArrayNode entries = Json.array();
        aliases.stream().limit(page).forEach(a -> entries.add(Json.object()
                .put("AliasName", a.name())
                .put("AliasArn", KeyNames.aliasArn(scope, a.name()))
                .put("TargetKeyId", a.keyId())
                .put("CreationDate", seconds(a.createdAt()))
                .put("LastUpdatedDate", seconds(a.updatedAt()))));
        ObjectNode out = Json.object().set("Aliases", entries);
        return answer(paged(out, aliases.size() > page, aliases.size() > page ? aliases.get(page - 1).name() : null));
    }

    public ApiResponse encrypt(ApiRequest request) {
        KmsRequest in = KmsRequest.read(request, "Encrypt");
        String keyId = in.string("KeyId", true, 1, 2048);
        byte[] plaintext = in.blob("Plaintext", true, 1, MAX_PLAINTEXT);
        Map<String, String> context = in.stringMap("EncryptionContext");
        in.list("GrantTokens", 10);
        String algorithm = in.oneOf("EncryptionAlgorithm", ENCRYPTION_ALGORITHMS);
        boolean dryRun = in.bool("DryRun");
        in.validate();
        Sealed sealed = seal(request.scope(), keyId, plaintext, context, algorithm, dryRun);
        return answer(Json.object()
                .put("CiphertextBlob", base64(sealed.blob))
                .put("KeyId", sealed.key.arn())
                .put("EncryptionAlgorithm", SYMMETRIC_DEFAULT));
    }

    public ApiResponse generateDataKey(ApiRequest request) {
        return dataKey(request, "GenerateDataKey", true);
    }

    public ApiResponse generateDataKeyWithoutPlaintext(ApiRequest request) {
        return dataKey(request, "GenerateDataKeyWithoutPlaintext", false);
    }

    private ApiResponse dataKey(ApiRequest request, String operation, boolean withPlaintext) {
        KmsRequest in = KmsRequest.read(request, operation);
        String keyId = in.string("KeyId", true, 1, 2048);
        Map<String, String> context = in.stringMap("EncryptionContext");
        Integer bytes = in.integer("NumberOfBytes", false, 1, 1024);
        String spec = in.oneOf("KeySpec", DATA_KEY_SPECS);
        in.list("GrantTokens", 10);
        boolean dryRun = in.bool("DryRun");
        in.validate();
        if ((bytes == null) == (spec == null)) {
            // the API reference: "You must specify either the KeySpec or the NumberOfBytes parameter (but not both)"
            throw new ApiException(400, "ValidationException", "Specify either KeySpec or NumberOfBytes, not both.");
        }
        byte[] plaintext = Ciphertext.Random.bytes(bytes != null ? bytes : spec.equals("AES_256") ? 32 : 16);
        Sealed sealed = seal(request.scope(), keyId, plaintext, context, null, dryRun);
        ObjectNode out = Json.object().put("CiphertextBlob", base64(sealed.blob));
        if (withPlaintext) {
            out.put("Plaintext", base64(plaintext));
        }
        return answer(out.put("KeyId", sealed.key.arn()).put("KeyMaterialId", sealed.key.materialId()));
    }

    public ApiResponse decrypt(ApiRequest request) {
        KmsRequest in = KmsRequest.read(request, "Decrypt");
        byte[] blob = in.blob("CiphertextBlob", true, 1, MAX_CIPHERTEXT);
        Map<String, String> context = in.stringMap("EncryptionContext");
        in.list("GrantTokens", 10);
        String keyId = in.string("KeyId", false, 1, 2048);
        String algorithm = in.oneOf("EncryptionAlgorithm", ENCRYPTION_ALGORITHMS);
        boolean dryRun = in.bool("DryRun");
        in.validate();
        Scope scope = request.scope();
        String keyArn;
        try {
            keyArn = Ciphertext.keyArn(blob);
        } catch (Ciphertext.Invalid e) {
            throw invalidCiphertext();
        }
        Opened opened = db.write(c -> {
            KmsKey key = keys.ciphertextKey(c, scope, keyArn);
            if (keyId != null && !keys.resolve(c, scope, keyId).keyId().equals(key.keyId())) {
                // recorded by LocalStack against AWS (test_error_messaging_for_invalid_keys)
                throw new ApiException(400, "IncorrectKeyException", "The key ID in the request does not identify a"
                        + " CMK that can perform this operation.");
            }
            usable(key, algorithm);
            return new Opened(key, store.material(c, key));
        });
        dryRun(dryRun);
        byte[] plaintext;
        try {
            plaintext = Ciphertext.open(blob, opened.material, context);
        } catch (Ciphertext.Invalid e) {
            throw invalidCiphertext();
        }
        return answer(Json.object()
                .put("KeyId", opened.key.arn())
                .put("Plaintext", base64(plaintext))
                .put("EncryptionAlgorithm", SYMMETRIC_DEFAULT)
                .put("KeyMaterialId", opened.key.materialId()));
    }

    public ApiResponse generateRandom(ApiRequest request) {
        KmsRequest in = KmsRequest.read(request, "GenerateRandom");
        Integer bytes = in.integer("NumberOfBytes", false, 1, 1024);
        in.string("CustomKeyStoreId", false, 1, 64);
        in.validate();
        if (bytes == null) {
            // recorded by LocalStack against AWS (test_generate_random_invalid_number_of_bytes[None])
            throw new ApiException(400, "ValidationException", "NumberOfBytes is required.");
        }
        return answer(Json.object().put("Plaintext", base64(Ciphertext.Random.bytes(bytes))));
    }

    private record Sealed(KmsKey key, byte[] blob) {}

    private record Opened(KmsKey key, byte[] material) {}

    private Sealed seal(Scope scope, String keyId, byte[] plaintext, Map<String, String> context, String algorithm,
            boolean dryRun) {
        Opened opened = db.write(c -> {
            KmsKey key = keys.resolve(c, scope, keyId);
            usable(key, algorithm);
            return new Opened(key, store.material(c, key));
        });
        dryRun(dryRun);
        return new Sealed(opened.key, Ciphertext.seal(opened.key.arn(), opened.material, plaintext, context));
    }

    /** A key that can encrypt and decrypt now with {@code algorithm} (null: the default). */
    private static void usable(KmsKey key, String algorithm) {
        if (!key.enabled()) {
            // LocalStack's recorded AWS wording (test_rotate_key_on_demand_raises_error_given_key_is_disabled)
            throw new ApiException(400, "DisabledException", key.arn() + " is disabled.");
        }
        if (algorithm != null && !algorithm.equals(SYMMETRIC_DEFAULT)) {
            // the form of AWS's recorded "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224."
            throw new ApiException(400, "InvalidKeyUsageException", "Algorithm " + algorithm + " is incompatible with"
                    + " key spec " + SYMMETRIC_DEFAULT + ".");
        }
    }

    private static void dryRun(boolean dryRun) {
        if (dryRun) {
            // recorded by LocalStack against AWS (test_generate_data_key_pair_dry_run)
            throw new ApiException(412, "DryRunOperationException", "The request would have succeeded, but the DryRun"
                    + " option is set.");
        }
    }

    private static ObjectNode metadata(KmsKey key) {
        ObjectNode meta = Json.object()
                .put("AWSAccountId", key.scope().account())
                .put("KeyId", key.keyId())
                .put("Arn", key.arn())
                .put("CreationDate", seconds(key.createdAt()))
                .put("Enabled", key.enabled())
                .put("Description", key.description())
                .put("KeyUsage", "ENCRYPT_DECRYPT")
                .put("KeyState", key.enabled() ? "Enabled" : "Disabled")
                .put("Origin", "AWS_KMS")
                .put("KeyManager", key.manager())
                .put("CustomerMasterKeySpec", SYMMETRIC_DEFAULT)
                .put("KeySpec", SYMMETRIC_DEFAULT);
        meta.set("EncryptionAlgorithms", Json.array().add(SYMMETRIC_DEFAULT));
        return meta.put("MultiRegion", false).put("CurrentKeyMaterialId", key.materialId());
    }

    private static void checkAliasName(String name) {
        if (!name.startsWith("alias/")) {
            // recorded by LocalStack against AWS (test_create_alias)
            throw new ApiException(400, "ValidationException", "Alias must start with the prefix \"alias/\". Please see"
                    + " https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (name.startsWith("alias/aws/")) {
            // the exception moto answers; the rule is the developer guide's: alias/aws/ names AWS managed keys
            throw new ApiException(400, "NotAuthorizedException", "Alias names that begin with alias/aws/ are"
                    + " reserved for AWS managed keys: choose another name.");
        }
    }

    private static void checkMarker(String marker, Pattern issued) {
        if (marker != null && !issued.matcher(marker).matches()) {
            throw new ApiException(400, "InvalidMarkerException", "Invalid marker: pass the NextMarker of the"
                    + " previous answer.");
        }
    }

    private static ObjectNode paged(ObjectNode out, boolean truncated, String next) {
        out.put("Truncated", truncated);
        return truncated ? out.put("NextMarker", next) : out;
    }

    private static ApiException invalidCiphertext() {
        // AWS answers it without a message (LocalStack's test_encrypt_decrypt_encryption_context)
        return new ApiException(400, "InvalidCiphertextException", "");
    }

    private static ApiException unsupported(String what) {
        return new ApiException(400, "UnsupportedOperationException", "The emulator's KMS makes symmetric encryption"
                + " keys only (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT, Origin AWS_KMS), not " + what + ".");
    }

    /** JSON 1.1 timestamps: seconds since the epoch, with a fraction. */
    private static double seconds(long epochMillis) {
        return epochMillis / 1000.0;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static ApiResponse answer(ObjectNode body) {
        return ApiResponse.bytes(200, Json.bytes(body), FrontDoor.JSON_1_1);
    }
}
