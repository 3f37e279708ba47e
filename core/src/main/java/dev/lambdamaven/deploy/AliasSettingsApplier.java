package dev.lambdamaven.deploy;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.EventInvokeSpec;
import dev.lambdamaven.config.FunctionUrlSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Cors;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.GetProvisionedConcurrencyConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The settings of an alias, the one place for them (update-alias applies them after moving the alias): provisioned
 * concurrency (put on the alias, so it follows the version the alias points at; waited for until {@code READY}; left
 * as it is while the alias routes a canary, which Lambda refuses to change),
 * the function URL, the asynchronous invocation config and the alias's own policy. Each is read only when the pom
 * sets it or {@code <authoritative>} is on, so an alias without these settings costs no extra call.
 */
final class AliasSettingsApplier {

    static final String PROVISIONED = "provisionedConcurrency";
    static final String URL = "functionUrl";
    static final String EVENT_INVOKE = "eventInvokeConfig";
    static final String PERMISSIONS = "permissions";

    private final LambdaClient lambda;
    private final Retry retry;
    private final ProvisionedConcurrencyWait provisioned;
    private final DeployLog log;

    AliasSettingsApplier(LambdaClient lambda, Retry retry, ProvisionedConcurrencyWait provisioned, DeployLog log) {
        this.lambda = lambda;
        this.retry = retry;
        this.provisioned = provisioned;
        this.log = log;
    }

    /** What the alias has, each {@code null} when not read or absent (rendered as the pom's values render). */
    record Deployed(Integer provisioned, String url, String urlConfig, String eventInvoke,
                    Map<String, String> permissions) {}

    /** The changes to make, and what {@code <authoritative>} would remove besides while it is off. */
    record SettingsPlan(String functionName, String alias, AliasSettings wanted, Deployed deployed,
                        List<Change> changes, List<Change> leftAlone) {

        boolean changes(String setting) {
            return changes.stream().anyMatch(c -> c.setting().equals(setting));
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            if (!changes.isEmpty()) {
                lines.add("Alias " + alias + " settings:");
                changes.forEach(c -> lines.add("  " + c));
            }
            PlanPrinter.leftAlone(leftAlone, lines);
            return lines;
        }
    }

    SettingsPlan plan(String functionName, String alias, AliasSettings wanted) {
        FunctionCalls calls = new FunctionCalls(lambda, retry, log, functionName, null);
        boolean all = wanted.authoritative();
        Deployed deployed = new Deployed(
                all || wanted.provisionedConcurrency() != null ? provisioned.read(functionName, alias)
                        .map(GetProvisionedConcurrencyConfigResponse::requestedProvisionedConcurrentExecutions)
                        .orElse(null) : null,
                null, null,
                all || wanted.asyncInvoke() != null ? eventInvoke(functionName, alias) : null,
                all || wanted.permissions() != null ? Permissions.read(calls, alias) : null);
        GetFunctionUrlConfigResponse url = all || wanted.functionUrl() != null ? url(functionName, alias) : null;
        if (url != null) {
            deployed = new Deployed(deployed.provisioned(), url.functionUrl(), render(url), deployed.eventInvoke(),
                    deployed.permissions());
        }
        List<Change> changes = new ArrayList<>();
        List<Change> leftAlone = new ArrayList<>();
        Integer provisioned = wanted.provisionedConcurrency();
        if (provisioned != null) {
            changes.addAll(FunctionField.scalarChange(PROVISIONED, deployed.provisioned(), provisioned == 0 ? null
                    : provisioned));
        } else if (deployed.provisioned() != null) {
            leftAlone.add(new Change(PROVISIONED, deployed.provisioned().toString(), Change.NONE));
        }
        setting(URL, deployed.urlConfig(), wanted.functionUrl(), changes, leftAlone);
        setting(EVENT_INVOKE, deployed.eventInvoke(), wanted.asyncInvoke(), changes, leftAlone);
        if (wanted.permissions() != null) {
            changes.addAll(Permissions.changes(PERMISSIONS, deployed.permissions(), wanted.permissions()));
        }
        if (deployed.permissions() != null) {
            leftAlone.addAll(Permissions.resets(PERMISSIONS, deployed.permissions(), wanted.permissions()));
        }
        if (all) {
            changes.addAll(leftAlone);
            leftAlone.clear();
        }
        return new SettingsPlan(functionName, alias, wanted, deployed, changes, leftAlone);
    }

    private static void setting(String name, String deployed, Object wanted, List<Change> changes,
                                List<Change> leftAlone) {
        if (wanted != null) {
            changes.addAll(FunctionField.scalarChange(name, deployed, wanted.toString()));
        } else if (deployed != null) {
            leftAlone.add(new Change(name, deployed, Change.NONE));
        }
    }

    /**
     * Applies the plan; a change of provisioned concurrency is waited for until {@code READY} (a move of the alias was
     * waited for already). Returns the function URL (when the pom sets one).
     */
    String apply(SettingsPlan plan) {
        String fn = plan.functionName();
        String alias = plan.alias();
        AliasSettings wanted = plan.wanted();
        Deployed deployed = plan.deployed();
        if (plan.changes(PROVISIONED)) {
            Integer value = wanted.provisionedConcurrency();
            if (value == null || value == 0) {
                retry.call("DeleteProvisionedConcurrencyConfig", () -> lambda.deleteProvisionedConcurrencyConfig(r -> r
                        .functionName(fn).qualifier(alias)));
                log.info("Provisioned concurrency of " + fn + ":" + alias + " removed");
            } else if (!AliasUpdater.weights(retry.call("GetAlias", () -> lambda.getAlias(r -> r.functionName(fn)
                    .name(alias)))).isEmpty()) {
                log.warn("Provisioned concurrency of " + fn + ":" + alias + " stays " + (deployed.provisioned() == null
                        ? "unset" : deployed.provisioned()) + " while the alias routes a canary (Lambda refuses to"
                        + " change it on an alias with weights): lambda:promote, or the next release, sets " + value);
            } else {
                retry.call("PutProvisionedConcurrencyConfig", () -> lambda.putProvisionedConcurrencyConfig(r -> r
                        .functionName(fn).qualifier(alias).provisionedConcurrentExecutions(value)));
                provisioned.awaitReady(fn, alias);
            }
        }
        String url = deployed.url();
        if (plan.changes(URL)) {
            FunctionUrlSpec spec = wanted.functionUrl();
            if (spec == null) {
                retry.call("DeleteFunctionUrlConfig", () -> lambda.deleteFunctionUrlConfig(r -> r.functionName(fn)
                        .qualifier(alias)));
                log.info("Function URL of " + fn + ":" + alias + " removed");
                url = null;
            } else if (deployed.url() == null) {
                url = retry.call("CreateFunctionUrlConfig", () -> lambda.createFunctionUrlConfig(r -> r.functionName(fn)
                        .qualifier(alias).authType(spec.authType()).invokeMode(spec.invokeMode()).cors(cors(spec))))
                        .functionUrl();
            } else {
                url = retry.call("UpdateFunctionUrlConfig", () -> lambda.updateFunctionUrlConfig(r -> r.functionName(fn)
                        .qualifier(alias).authType(spec.authType()).invokeMode(spec.invokeMode())
                        .cors(spec.cors() == null ? Cors.builder().build() : cors(spec)))).functionUrl();
            }
        }
        if (wanted.functionUrl() != null) {
            log.info("Function URL of " + fn + ":" + alias + ": " + url);
        }
        if (plan.changes(EVENT_INVOKE)) {
            EventInvokeSpec spec = wanted.asyncInvoke();
            if (spec == null) {
                retry.call("DeleteFunctionEventInvokeConfig", () -> lambda.deleteFunctionEventInvokeConfig(r -> r
                        .functionName(fn).qualifier(alias)));
                log.info("Asynchronous invocation config of " + fn + ":" + alias + " removed");
            } else {
                retry.call("PutFunctionEventInvokeConfig", () -> lambda.putFunctionEventInvokeConfig(r -> r
                        .functionName(fn).qualifier(alias).maximumRetryAttempts(spec.maximumRetryAttempts())
                        .maximumEventAgeInSeconds(spec.maximumEventAgeInSeconds())
                        .destinationConfig(destinations(spec))));
                log.info("Asynchronous invocation of " + fn + ":" + alias + ": " + spec);
            }
        }
        if (plan.changes(PERMISSIONS)) {
            Permissions.apply(new FunctionCalls(lambda, retry, log, fn, null), alias, wanted.permissions(),
                    deployed.permissions(), wanted.authoritative());
        }
        return wanted.functionUrl() != null ? url : null;
    }

    private GetFunctionUrlConfigResponse url(String fn, String alias) {
        try {
            return retry.call("GetFunctionUrlConfig", () -> lambda.getFunctionUrlConfig(r -> r.functionName(fn)
                    .qualifier(alias)));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private String eventInvoke(String fn, String alias) {
        GetFunctionEventInvokeConfigResponse c;
        try {
            c = retry.call("GetFunctionEventInvokeConfig", () -> lambda.getFunctionEventInvokeConfig(r -> r
                    .functionName(fn).qualifier(alias)));
        } catch (ResourceNotFoundException e) {
            return null;
        }
        var destinations = c.destinationConfig();
        return new EventInvokeSpec(c.maximumRetryAttempts(), c.maximumEventAgeInSeconds(),
                destinations == null || destinations.onSuccess() == null ? null : destinations.onSuccess().destination(),
                destinations == null || destinations.onFailure() == null ? null : destinations.onFailure().destination())
                .toString();
    }

    private static String render(GetFunctionUrlConfigResponse url) {
        Cors c = url.cors();
        return new FunctionUrlSpec(url.authTypeAsString(), url.invokeModeAsString(), c == null ? null
                : new FunctionUrlSpec.Cors(c.allowCredentials(), c.allowHeaders(), c.allowMethods(), c.allowOrigins(),
                        c.exposeHeaders(), c.maxAge())).toString();
    }

    private static DestinationConfig destinations(EventInvokeSpec spec) {
        DestinationConfig.Builder d = DestinationConfig.builder();
        if (spec.onSuccess() != null) {
            d.onSuccess(o -> o.destination(spec.onSuccess()));
        }
        if (spec.onFailure() != null) {
            d.onFailure(o -> o.destination(spec.onFailure()));
        }
        return d.build();
    }

    private static Cors cors(FunctionUrlSpec spec) {
        FunctionUrlSpec.Cors c = spec.cors();
        return c == null ? null : Cors.builder().allowCredentials(c.allowCredentials()).allowHeaders(c.allowHeaders())
                .allowMethods(c.allowMethods()).allowOrigins(c.allowOrigins()).exposeHeaders(c.exposeHeaders())
                .maxAge(c.maxAge()).build();
    }
}
