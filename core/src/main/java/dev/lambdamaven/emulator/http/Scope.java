package dev.lambdamaven.emulator.http;

import java.util.regex.Pattern;

/**
 * The account and region a request acts in, as AWS keeps state: the region from the request's SigV4 credential
 * scope, the account from a 12-digit access key id (else the emulator's default account).
 */
public record Scope(String account, String region) {

    /** The shape of a region name in any partition, e.g. {@code us-east-1}, {@code us-gov-west-1}, {@code eu-central-2}. */
    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]{0,2})?-[a-z]+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public Scope {
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("an account id has 12 digits: " + account);
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not a region name: " + region);
        }
    }

    /** The scope a signed request's credential names: its access key id (when it is an account id) and region. */
    public static Scope of(String accessKeyId, String region, Scope fallback) {
        return new Scope(ACCOUNT.matcher(accessKeyId).matches() ? accessKeyId : fallback.account(), region);
    }

    /** {@code aws}, {@code aws-us-gov}, {@code aws-cn}, ...: the partition ARNs of this region name. */
    public String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.contains("-gov-")) {
            return "aws-us-gov";
        }
        if (region.contains("-iso-")) {
            return "aws-iso";
        }
        if (region.contains("-isob-")) {
            return "aws-iso-b";
        }
        return "aws";
    }

    @Override
    public String toString() {
        return account + "/" + region;
    }
}
