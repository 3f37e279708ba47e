package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.Scope;

/** The ARNs of Lambda resources in an account and region. */
final class Arns {

    private Arns() {}

    static String function(Scope scope, String name) {
        return "arn:" + scope.partition() + ":lambda:" + scope.region() + ":" + scope.account() + ":function:" + name;
    }

    static String function(Scope scope, String name, String qualifier) {
        return qualifier == null ? function(scope, name) : function(scope, name) + ":" + qualifier;
    }

    static String layer(Scope scope, String name) {
        return "arn:" + scope.partition() + ":lambda:" + scope.region() + ":" + scope.account() + ":layer:" + name;
    }

    static String layerVersion(Scope scope, String name, long version) {
        return layer(scope, name) + ":" + version;
    }

    static String codeSigningConfig(Scope scope, String id) {
        return prefix(scope) + "code-signing-config:" + id;
    }

    static String eventSourceMapping(Scope scope, String uuid) {
        return prefix(scope) + "event-source-mapping:" + uuid;
    }

    private static String prefix(Scope scope) {
        return "arn:" + scope.partition() + ":lambda:" + scope.region() + ":" + scope.account() + ":";
    }
}
