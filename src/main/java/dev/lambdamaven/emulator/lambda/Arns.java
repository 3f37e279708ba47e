package dev.lambdamaven.emulator.lambda;

/** ARNs of this emulator's region and account. */
public final class Arns {

    private final String region;
    private final String account;

    public Arns(String region, String account) {
        this.region = region;
        this.account = account;
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }

    public String function(String name) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }

    public String function(String name, String qualifier) {
        return qualifier == null ? function(name) : function(name) + ":" + qualifier;
    }

    public String layer(String name) {
        return "arn:aws:lambda:" + region + ":" + account + ":layer:" + name;
    }

    public String layerVersion(String name, long version) {
        return layer(name) + ":" + version;
    }
}
