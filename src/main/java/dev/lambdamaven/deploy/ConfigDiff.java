package dev.lambdamaven.deploy;

import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.SecretValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the wanted function with the deployed one, field by field, into a {@link Plan}. Pure: no service
 * calls, so every rule here is unit tested.
 */
public final class ConfigDiff {

    private ConfigDiff() {}

    /** The plan for {@code wanted}; {@code deployed} is null when the function does not exist yet. */
    public static Plan between(FunctionSpec wanted, String localCodeSha256, DeployedFunction deployed) {
        List<Change> config = new ArrayList<>();
        List<Change> functionLevel = new ArrayList<>();
        DeployedFunction d = deployed != null ? deployed
                : new DeployedFunction(null, null, null, null, null, null, null, null, null, null, null,
                        Map.of(), null, List.of(), null, Map.of(), null, null, null);
        scalar(config, "handler", d.handler(), wanted.handler());
        scalar(config, "runtime", d.runtime(), wanted.runtime());
        scalar(config, "role", d.role(), wanted.role());
        scalar(config, "description", blankToNull(d.description()), blankToNull(wanted.description()),
                wanted.description() != null);
        scalar(config, "memorySize", d.memorySize(), wanted.memorySize());
        scalar(config, "timeout", d.timeout(), wanted.timeout());
        scalar(config, "ephemeralStorage", d.ephemeralStorage(), wanted.ephemeralStorage());
        scalar(config, "architecture", d.architecture(), wanted.architecture());
        scalar(config, "kmsKeyArn", blankToNull(d.kmsKeyArn()), blankToNull(wanted.kmsKeyArn()),
                wanted.kmsKeyArn() != null);
        scalar(config, "tracingMode", d.tracingMode(), wanted.tracingMode());
        logging(config, d.logging(), wanted.logging());
        environment(config, d.environment(), wanted.environment());
        if (!d.layers().equals(wanted.layers())) {
            config.add(new Change("layers", render(d.layers()), render(wanted.layers())));
        }
        if (!d.vpc().equals(wanted.vpc())) {
            config.add(new Change("vpc", d.vpc().toString(), wanted.vpc().toString()));
        }
        wanted.tags().forEach((key, value) -> {
            String old = d.tags().get(key);
            if (!value.equals(old)) {
                functionLevel.add(new Change("tags." + key, old == null ? Change.NONE : old, value));
            }
        });
        scalar(functionLevel, "reservedConcurrency", d.reservedConcurrency(), wanted.reservedConcurrency());
        return new Plan(wanted.functionName(), deployed == null, d.codeSha256(), localCodeSha256, config, functionLevel);
    }

    private static void scalar(List<Change> changes, String field, Object deployed, Object wanted) {
        scalar(changes, field, deployed, wanted, wanted != null);
    }

    private static void scalar(List<Change> changes, String field, Object deployed, Object wanted, boolean managed) {
        if (managed && !Objects.equals(deployed, wanted)) {
            changes.add(new Change(field, render(deployed), render(wanted)));
        }
    }

    private static void logging(List<Change> changes, LoggingSpec deployed, LoggingSpec wanted) {
        if (wanted == null) {
            return;
        }
        LoggingSpec d = deployed != null ? deployed : new LoggingSpec(null, null, null, null);
        scalar(changes, "logging.logFormat", d.logFormat(), wanted.logFormat());
        scalar(changes, "logging.applicationLogLevel", d.applicationLogLevel(), wanted.applicationLogLevel());
        scalar(changes, "logging.systemLogLevel", d.systemLogLevel(), wanted.systemLogLevel());
        scalar(changes, "logging.logGroup", d.logGroup(), wanted.logGroup());
    }

    private static void environment(List<Change> changes, Map<String, String> deployed, Environment wanted) {
        Map<String, String> want = wanted.revealAll();
        TreeSet<String> keys = new TreeSet<>(deployed.keySet());
        keys.addAll(want.keySet());
        for (String key : keys) {
            String old = deployed.get(key);
            String now = want.get(key);
            if (Objects.equals(old, now)) {
                continue;
            }
            // a removed key may have held a secret in an earlier build: never print old values of removed keys
            boolean masked = wanted.isSecret(key) || now == null;
            changes.add(new Change("environment." + key,
                    old == null ? Change.NONE : masked ? SecretValue.MASK : old,
                    now == null ? Change.NONE : masked ? SecretValue.MASK : now));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String render(Object value) {
        return value == null ? Change.NONE : value instanceof List<?> l && l.isEmpty() ? "[]" : value.toString();
    }
}
