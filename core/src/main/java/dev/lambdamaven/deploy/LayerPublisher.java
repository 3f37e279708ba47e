package dev.lambdamaven.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdamaven.config.LayerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionRequest;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Publishes a layer version only when the zip's hash or the layer's metadata differs from the latest version;
 * otherwise reuses the latest. Shares each version with the configured accounts (or everyone, {@code *})
 * through layer version permissions, adding only the missing ones.
 */
final class LayerPublisher {

    private static final String STATEMENT_PREFIX = "lambda-maven-plugin-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaClient lambda;
    private final CodeUploader uploader;
    private final Retry retry;
    private final DeployLog log;

    LayerPublisher(LambdaClient lambda, CodeUploader uploader, Retry retry, DeployLog log) {
        this.lambda = lambda;
        this.uploader = uploader;
        this.retry = retry;
        this.log = log;
    }

    /** What publishing would do: reuse the latest version (same content and metadata) or publish a new one. */
    record LayerPlan(LayerSpec spec, String codeSha256, GetLayerVersionResponse latest) {

        boolean changed() {
            return latest == null || !same(latest, spec, codeSha256);
        }

        String describe() {
            return changed() ? "Layer " + spec.layerName() + ": content " + (latest == null ? Change.NONE
                    : latest.content().codeSha256()) + " -> " + codeSha256 + " (new version)"
                    : "Layer " + spec.layerName() + ": no changes, version " + latest.version();
        }

        /** The version functions should use: the latest, or {@code null} when a new one is to be published. */
        LayerResult planned() {
            return changed() ? new LayerResult(spec.layerName(), null, null, codeSha256, true)
                    : new LayerResult(spec.layerName(), latest.layerVersionArn(), latest.version(), codeSha256, false);
        }
    }

    LayerPlan plan(LayerSpec spec, String codeSha256) {
        return new LayerPlan(spec, codeSha256, latest(spec.layerName()));
    }

    /** Publishes a new version when the plan says so, and shares the resulting version. */
    LayerResult apply(LayerPlan plan, String s3Bucket) {
        LayerSpec spec = plan.spec();
        if (!plan.changed()) {
            share(spec, plan.latest().version());
            return plan.planned();
        }
        String hash = plan.codeSha256();
        CodeLocation code = uploader.upload(spec.zip(), hash, "lambda-maven-plugin/layers/" + spec.layerName(),
                s3Bucket);
        PublishLayerVersionRequest.Builder request = PublishLayerVersionRequest.builder()
                .layerName(spec.layerName())
                .description(spec.description())
                .licenseInfo(spec.licenseInfo())
                .content(c -> c.zipFile(code.zipFile()).s3Bucket(code.s3Bucket()).s3Key(code.s3Key()));
        if (!spec.compatibleRuntimes().isEmpty()) {
            request.compatibleRuntimesWithStrings(spec.compatibleRuntimes());
        }
        if (!spec.compatibleArchitectures().isEmpty()) {
            request.compatibleArchitecturesWithStrings(spec.compatibleArchitectures());
        }
        var published = retry.call("PublishLayerVersion", () -> lambda.publishLayerVersion(request.build()));
        log.info("Published layer " + published.layerVersionArn());
        share(spec, published.version());
        return new LayerResult(spec.layerName(), published.layerVersionArn(), published.version(), hash, true);
    }

    private GetLayerVersionResponse latest(String layerName) {
        List<LayerVersionsListItem> versions;
        try {
            versions = lambda.listLayerVersions(r -> r.layerName(layerName)).layerVersions();
        } catch (ResourceNotFoundException e) {
            return null;
        }
        // Lambda lists newest first; take the maximum anyway so the answer does not depend on the order
        return versions.stream().map(LayerVersionsListItem::version).max(Long::compare)
                .map(v -> lambda.getLayerVersion(r -> r.layerName(layerName).versionNumber(v)))
                .orElse(null);
    }

    private static boolean same(GetLayerVersionResponse latest, LayerSpec spec, String hash) {
        return hash.equals(latest.content().codeSha256())
                && Objects.equals(emptyToNull(latest.description()), emptyToNull(spec.description()))
                && Objects.equals(emptyToNull(latest.licenseInfo()), emptyToNull(spec.licenseInfo()))
                && sorted(latest.compatibleRuntimesAsStrings()).equals(spec.compatibleRuntimes())
                && sorted(latest.compatibleArchitecturesAsStrings()).equals(spec.compatibleArchitectures());
    }

    private void share(LayerSpec spec, long version) {
        if (spec.sharedWith().isEmpty()) {
            return;
        }
        Set<String> present = statementIds(spec.layerName(), version);
        for (String principal : spec.sharedWith()) {
            String sid = statementId(principal);
            if (present.contains(sid)) {
                continue;
            }
            retry.call("AddLayerVersionPermission", () -> lambda.addLayerVersionPermission(r -> r
                    .layerName(spec.layerName()).versionNumber(version).statementId(sid)
                    .action("lambda:GetLayerVersion").principal(principal)));
            log.info("Layer " + spec.layerName() + ":" + version + " shared with "
                    + (principal.equals("*") ? "every account" : "account " + principal));
        }
    }

    private Set<String> statementIds(String layerName, long version) {
        String policy;
        try {
            policy = lambda.getLayerVersionPolicy(r -> r.layerName(layerName).versionNumber(version)).policy();
        } catch (ResourceNotFoundException e) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        try {
            for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
                ids.add(statement.path("Sid").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable layer policy of " + layerName + ":" + version, e);
        }
        return ids;
    }

    static String statementId(String principal) {
        return STATEMENT_PREFIX + (principal.equals("*") ? "public" : principal);
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : values.stream().sorted().distinct().toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
