package dev.lambdamaven.deploy;

import dev.lambdamaven.deploy.CleanupPlan.Item;
import dev.lambdamaven.deploy.CleanupPlan.What;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The clean-up goals: delete a function with its aliases and function URLs, delete a layer's versions, prune
 * old versions. Each first works out a {@link CleanupPlan} from list calls only; applying it deletes exactly
 * what the plan lists. Pruning keeps the newest versions and every version an alias routes traffic to (older
 * releases of an alias's history go, so a rollback reaches as far back as the kept versions); for a layer it
 * keeps the newest layer versions and every one that a kept version (by the same rule) or $LATEST of any
 * function in the region uses.
 */
final class Cleaner {

    private static final String LATEST = "$LATEST";

    private final LambdaClient lambda;
    private final Retry retry;
    private final DeployLog log;

    Cleaner(LambdaClient lambda, Retry retry, DeployLog log) {
        this.lambda = lambda;
        this.retry = retry;
        this.log = log;
    }

    CleanupPlan deleteFunction(String functionName) {
        String subject = "Function " + functionName;
        List<String> versions;
        try {
            versions = publishedVersions(functionName);
        } catch (ResourceNotFoundException e) {
            return new CleanupPlan(subject, true, List.of());
        }
        List<Item> items = new ArrayList<>();
        List<AliasConfiguration> aliases = aliases(functionName);
        for (Url url : urls(functionName, aliases)) {
            items.add(new Item(What.FUNCTION_URL, url.url(), url.qualifier(), true,
                    url.qualifier() == null ? "of the function" : "of alias " + url.qualifier()));
        }
        aliases.forEach(a -> items.add(new Item(What.ALIAS, a.name(), true, "-> " + a.functionVersion()
                + (routing(a).size() > 1 ? " " + a.routingConfig().additionalVersionWeights() : ""))));
        versions.forEach(v -> items.add(new Item(What.VERSION, v, true, "with the function")));
        items.add(new Item(What.FUNCTION, functionName, true, "with $LATEST, its tags and its concurrency settings"));
        return new CleanupPlan(subject, false, items);
    }

    CleanupPlan deleteLayer(String layerName) {
        List<LayerVersionsListItem> versions = layerVersions(layerName);
        String subject = "Layer " + layerName;
        if (versions.isEmpty()) {
            return new CleanupPlan(subject, true, List.of());
        }
        Map<String, List<String>> users = layerUsers(layerName);
        List<Item> items = versions.stream().map(v -> new Item(What.LAYER_VERSION, String.valueOf(v.version()), true,
                users.containsKey(v.layerVersionArn()) ? "still used by " + String.join(", ", users.get(v.layerVersionArn()))
                        + ": they keep working (Lambda keeps a copy while a function uses it), but no function can add"
                        + " it any more" : null)).toList();
        return new CleanupPlan(subject, false, items);
    }

    CleanupPlan pruneFunction(String functionName, int keep) {
        String subject = "Function " + functionName + " (keeping the newest " + keep + " versions)";
        List<String> versions;
        try {
            versions = publishedVersions(functionName);
        } catch (ResourceNotFoundException e) {
            return new CleanupPlan(subject, true, List.of());
        }
        Map<String, String> reasons = keptVersions(versions, aliases(functionName), keep);
        List<Item> items = versions.stream().map(v -> new Item(What.VERSION, v, !reasons.containsKey(v),
                reasons.get(v))).toList();
        return new CleanupPlan(subject, false, items);
    }

    CleanupPlan pruneLayer(String layerName, int keep) {
        String subject = "Layer " + layerName + " (keeping the newest " + keep + " versions)";
        List<LayerVersionsListItem> versions = layerVersions(layerName);
        if (versions.isEmpty()) {
            return new CleanupPlan(subject, true, List.of());
        }
        Map<String, List<String>> users = layerUsers(layerName);
        // a function version that pruning (by the same rule) keeps keeps its layer versions too
        Map<String, Map<String, String>> keptByFunction = new HashMap<>();
        Map<String, List<String>> keptUsers = new TreeMap<>();
        users.forEach((arn, functionVersions) -> {
            for (String user : functionVersions) {
                String function = user.substring(0, user.lastIndexOf(':'));
                String version = user.substring(user.lastIndexOf(':') + 1);
                Map<String, String> kept = keptByFunction.computeIfAbsent(function,
                        f -> keptVersions(publishedVersions(f), aliases(f), keep));
                if (version.equals(LATEST) || kept.containsKey(version)) {
                    keptUsers.computeIfAbsent(arn, k -> new ArrayList<>()).add(user);
                }
            }
        });
        List<Long> newest = versions.stream().map(LayerVersionsListItem::version).sorted(Comparator.reverseOrder())
                .limit(keep).toList();
        List<Item> items = versions.stream().sorted(Comparator.comparing(LayerVersionsListItem::version)).map(v -> {
            String reason = newest.contains(v.version()) ? "one of the newest " + keep
                    : keptUsers.containsKey(v.layerVersionArn()) ? "used by " + String.join(", ", keptUsers.get(v.layerVersionArn()))
                    : null;
            return new Item(What.LAYER_VERSION, String.valueOf(v.version()), reason == null, reason);
        }).toList();
        return new CleanupPlan(subject, false, items);
    }

    /** Deletes what the plan lists for deletion, in its order; returns how many resources were deleted. */
    int apply(CleanupPlan plan, String name) {
        int deleted = 0;
        for (Item item : plan.deletions()) {
            switch (item.what()) {
                case FUNCTION_URL -> retry.call("DeleteFunctionUrlConfig", () -> lambda.deleteFunctionUrlConfig(r -> r
                        .functionName(name).qualifier(item.qualifier())));
                case ALIAS -> retry.call("DeleteAlias", () -> lambda.deleteAlias(r -> r.functionName(name)
                        .name(item.id())));
                case VERSION -> {
                    if (plan.items().stream().anyMatch(i -> i.what() == What.FUNCTION)) {
                        continue; // deleted with the function
                    }
                    retry.call("DeleteFunction", () -> lambda.deleteFunction(r -> r.functionName(name)
                            .qualifier(item.id())));
                }
                case FUNCTION -> retry.call("DeleteFunction", () -> lambda.deleteFunction(r -> r.functionName(name)));
                case LAYER_VERSION -> retry.call("DeleteLayerVersion", () -> lambda.deleteLayerVersion(r -> r
                        .layerName(name).versionNumber(Long.parseLong(item.id()))));
            }
            log.info("Deleted " + item.what().label() + " " + item.id());
            deleted++;
        }
        return deleted;
    }

    /** Why each kept version is kept: routed to by an alias, or one of the newest. */
    static Map<String, String> keptVersions(List<String> versions, List<AliasConfiguration> aliases, int keep) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (AliasConfiguration alias : aliases) {
            routing(alias).forEach(v -> reasons.putIfAbsent(v, "alias " + alias.name()));
        }
        versions.stream().sorted(Comparator.comparingLong((String v) -> Long.parseLong(v)).reversed()).limit(keep)
                .forEach(v -> reasons.putIfAbsent(v, "one of the newest " + keep));
        return reasons;
    }

    private static Set<String> routing(AliasConfiguration alias) {
        Set<String> versions = new TreeSet<>();
        versions.add(alias.functionVersion());
        if (alias.routingConfig() != null && alias.routingConfig().hasAdditionalVersionWeights()) {
            versions.addAll(alias.routingConfig().additionalVersionWeights().keySet());
        }
        return versions;
    }

    /** Published version numbers, oldest first. */
    private List<String> publishedVersions(String functionName) {
        return lambda.listVersionsByFunctionPaginator(r -> r.functionName(functionName)).versions().stream()
                .map(FunctionConfiguration::version).filter(v -> !LATEST.equals(v))
                .sorted(Comparator.comparingLong(Long::parseLong)).toList();
    }

    private List<AliasConfiguration> aliases(String functionName) {
        return lambda.listAliasesPaginator(r -> r.functionName(functionName)).aliases().stream().toList();
    }

    /**
     * The function's URLs: ListFunctionUrlConfigs, or, on a target that does not serve it (moto, the emulator
     * so far: a 404 that is not ResourceNotFoundException), GetFunctionUrlConfig of the function and each alias.
     */
    private List<Url> urls(String functionName, List<AliasConfiguration> aliases) {
        try {
            return lambda.listFunctionUrlConfigsPaginator(r -> r.functionName(functionName)).functionUrlConfigs()
                    .stream().map(u -> new Url(u.functionUrl(), qualifier(u.functionArn(), functionName))).toList();
        } catch (LambdaException e) {
            if (!unsupported(e)) {
                throw e;
            }
            log.debug("The target does not list function URLs (HTTP 404): asking for each alias's instead");
        }
        List<Url> urls = new ArrayList<>();
        List<String> qualifiers = new ArrayList<>();
        qualifiers.add(null);
        aliases.forEach(a -> qualifiers.add(a.name()));
        for (String qualifier : qualifiers) {
            try {
                var url = lambda.getFunctionUrlConfig(r -> r.functionName(functionName).qualifier(qualifier));
                urls.add(new Url(url.functionUrl(), qualifier));
            } catch (ResourceNotFoundException e) {
                // no URL there
            } catch (LambdaException e) {
                if (!unsupported(e)) {
                    throw e;
                }
                return urls; // no function URLs on this target at all
            }
        }
        return urls;
    }

    /** A function URL and the alias it belongs to ({@code null}: the function itself). */
    private record Url(String url, String qualifier) {}

    private static boolean unsupported(LambdaException e) {
        return e.statusCode() == 404 && !(e instanceof ResourceNotFoundException);
    }

    private List<LayerVersionsListItem> layerVersions(String layerName) {
        try {
            return lambda.listLayerVersionsPaginator(r -> r.layerName(layerName)).layerVersions().stream().toList();
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
    }

    /** Every function version in the region that uses a version of the layer: layer version ARN to fn:version. */
    private Map<String, List<String>> layerUsers(String layerName) {
        Map<String, List<String>> users = new TreeMap<>();
        for (FunctionConfiguration f : lambda.listFunctionsPaginator(r -> r.functionVersion(FunctionVersion.ALL))
                .functions()) {
            for (Layer layer : f.layers()) {
                String arn = layer.arn();
                String unversioned = arn.substring(0, arn.lastIndexOf(':'));
                if (unversioned.endsWith(":layer:" + layerName)) {
                    users.computeIfAbsent(arn, k -> new ArrayList<>()).add(f.functionName() + ":" + f.version());
                }
            }
        }
        return users;
    }

    /** The alias of a function URL's ARN, or {@code null} for the function's own URL. */
    private static String qualifier(String functionArn, String functionName) {
        String marker = ":function:" + functionName + ":";
        int at = functionArn == null ? -1 : functionArn.indexOf(marker);
        return at < 0 ? null : functionArn.substring(at + marker.length());
    }
}
