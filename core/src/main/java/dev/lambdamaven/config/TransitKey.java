package dev.lambdamaven.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The KMS key a secret is encrypted with before it leaves the build ({@code <encryptInTransit>}), named as KMS
 * names keys: key id, key ARN, alias name ({@code alias/<name>}) or alias ARN. The function decrypts the value
 * with the same key, under the encryption context {@code LambdaFunctionName=<function name>}, as the Lambda
 * console's encryption helpers do.
 */
public record TransitKey(String keyId) {

    private static final Pattern KEY_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
    private static final Pattern ALIAS = Pattern.compile("alias/[a-zA-Z0-9/_-]{1,250}");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-zA-Z-]*:kms:([a-z0-9-]+):\\d{12}:(key|alias)/(.+)");

    /**
     * Checks the forms KMS takes.
     *
     * @throws InvalidSpecException naming {@code element} and the forms, for anything else, and for an AWS managed
     *                              key ({@code alias/aws/...}), whose key policy lets only its own service use it
     */
    public static TransitKey parse(String element, String text) {
        String value = text == null ? "" : text.trim();
        Matcher arn = ARN.matcher(value);
        String alias = arn.matches() && arn.group(2).equals("alias") ? "alias/" + arn.group(3)
                : value.startsWith("alias/") ? value : null;
        if (alias != null && alias.startsWith("alias/aws/")) {
            throw new InvalidSpecException(element, value, "an AWS managed key can only be used by its own service,"
                    + " not to encrypt in the build: create a customer managed key (aws kms create-key, then"
                    + " aws kms create-alias) and name it here");
        }
        boolean valid = arn.matches() ? arn.group(2).equals("alias") ? ALIAS.matcher(alias).matches()
                : KEY_ID.matcher(arn.group(3)).matches()
                : alias != null ? ALIAS.matcher(alias).matches() : KEY_ID.matcher(value).matches();
        if (!valid) {
            throw new InvalidSpecException(element, text, "name a KMS key by its key id"
                    + " (1234abcd-12ab-34cd-56ef-1234567890ab), key ARN, alias name (alias/orders-secrets) or alias"
                    + " ARN");
        }
        return new TransitKey(value);
    }

    /** The region a key ARN or alias ARN names; {@code null} for a key id or alias name (the target's region). */
    public String region() {
        Matcher arn = ARN.matcher(keyId);
        return arn.matches() ? arn.group(1) : null;
    }

    /** An alias name, which can be made where it does not exist yet (unlike a key id, which KMS chooses). */
    public boolean isAliasName() {
        return keyId.startsWith("alias/");
    }

    @Override
    public String toString() {
        return keyId;
    }
}
