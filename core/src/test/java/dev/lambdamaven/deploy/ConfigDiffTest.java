package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.VpcSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    private static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:libs:1";

    private static final DeployedFunction DEPLOYED = new DeployedFunction(FunctionConfiguration.builder()
            .functionArn("arn:fn").revisionId("rev-1").codeSha256("hash-1").handler("com.acme.Handler::handleRequest")
            .runtime("java21").role("arn:role").description("").memorySize(128).timeout(3)
            .ephemeralStorage(e -> e.size(512)).architecturesWithStrings("x86_64")
            .environment(e -> e.variables(Map.of("MODE", "dev", "OLD_TOKEN", "old-secret")))
            .tracingConfig(t -> t.mode("PassThrough"))
            .loggingConfig(l -> l.logFormat("Text").logGroup("/aws/lambda/fn")).build(),
            Map.of("team", "a"), null, Map.of());

    private static FunctionSpec.Builder wanted() {
        return FunctionSpec.builder("fn", Path.of("fn.zip")).handler("com.acme.Handler::handleRequest")
                .runtime("java21").environment(new Environment(Map.of("MODE", "dev", "OLD_TOKEN", "old-secret"), Map.of()));
    }

    @Test
    void sameConfigurationAndHashIsAnEmptyPlan() {
        Plan plan = ConfigDiff.between(wanted().tags(Map.of("team", "a")).build(), "hash-1", DEPLOYED);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(PlanPrinter.lines(plan)).containsExactly("Function fn: no changes");
    }

    @Test
    void unsetScalarsAreNotManaged() {
        // the function has memory 128 and timeout 3 (Lambda's defaults): a pom without them changes nothing
        assertThat(ConfigDiff.between(wanted().role(null).build(), "hash-1", DEPLOYED).configChanges()).isEmpty();
    }

    @Test
    void everyDifferingFieldIsListedOldToNew() {
        FunctionSpec spec = wanted().memorySize(512).timeout(30).architecture("arm64").description("orders")
                .layers(List.of(LAYER)).vpc(new VpcSpec(List.of("subnet-0b0000000000000b0", "subnet-0a0000000000000a0"), List.of("sg-01234567"), false))
                .tags(Map.of("team", "b")).build();

        Plan plan = ConfigDiff.between(spec, "hash-2", DEPLOYED);

        assertThat(plan.changesVersion()).isTrue();
        assertThat(plan.architectureChanged()).isTrue();
        assertThat(PlanPrinter.lines(plan)).containsExactly(
                "Function fn: update (new version)",
                "  code: hash-1 -> hash-2",
                "  description: (none) -> orders",
                "  memorySize: 128 -> 512",
                "  timeout: 3 -> 30",
                "  architecture: x86_64 -> arm64",
                "  layers: [] -> [" + LAYER + "]",
                "  vpc: none -> subnets [subnet-0a0000000000000a0, subnet-0b0000000000000b0], security groups [sg-01234567]",
                "  tags.team: a -> b");
    }

    @Test
    void secretsAndRemovedKeysAreMasked() {
        FunctionSpec spec = wanted().environment(new Environment(Map.of("MODE", "prod"),
                Map.of("DB_PASSWORD", SecretValue.of("hunter2")))).build();

        Plan plan = ConfigDiff.between(spec, "hash-1", DEPLOYED);

        assertThat(plan.configChanges()).extracting(Change::toString).containsExactly(
                "environment.DB_PASSWORD: (none) -> ****",
                "environment.MODE: dev -> prod",
                "environment.OLD_TOKEN: **** -> (none)");
        assertThat(String.join("\n", PlanPrinter.lines(plan))).doesNotContain("hunter2", "old-secret");
    }

    @Test
    void aChangedSecretIsDetectedThoughBothSidesPrintMasked() {
        DeployedFunction deployed = new DeployedFunction(FunctionConfiguration.builder().functionArn("arn:fn")
                .revisionId("r").codeSha256("h").handler("com.acme.Handler::handleRequest").runtime("java21")
                .architecturesWithStrings("x86_64").environment(e -> e.variables(Map.of("KEY", "one"))).build(),
                null, null, null);
        FunctionSpec spec = wanted().environment(new Environment(Map.of(), Map.of("KEY", SecretValue.of("two"))))
                .build();

        assertThat(ConfigDiff.between(spec, "h", deployed).configChanges()).extracting(Change::toString)
                .containsExactly("environment.KEY: **** -> ****");
    }

    @Test
    void tagAndConcurrencyChangesDoNotMakeAVersion() {
        Plan plan = ConfigDiff.between(wanted().tags(Map.of("cost", "42")).reservedConcurrency(5).build(), "hash-1",
                DEPLOYED);

        assertThat(plan.isEmpty()).isFalse();
        assertThat(plan.changesVersion()).isFalse();
        assertThat(PlanPrinter.lines(plan)).containsExactly(
                "Function fn: update (function settings only, no new version)",
                "  tags.cost: (none) -> 42", "  reservedConcurrency: (none) -> 5",
                "  left alone, not in the pom (<authoritative>true</authoritative> would change them):",
                "    tags.team: a -> (none)");
    }

    @Test
    void onlyTheLoggingFieldsSetInThePomAreCompared() {
        Plan plan = ConfigDiff.between(wanted().logging(new LoggingSpec("JSON", "WARN", null, null)).build(), "hash-1",
                DEPLOYED);

        assertThat(plan.configChanges()).extracting(Change::toString).containsExactly(
                "logging.logFormat: Text -> JSON", "logging.applicationLogLevel: (none) -> WARN");
    }

    @Test
    void tracingModeIsVersionedConfiguration() {
        Plan plan = ConfigDiff.between(wanted().tracingMode("Active").build(), "hash-1", DEPLOYED);

        assertThat(plan.changesVersion()).isTrue();
        assertThat(plan.configChanges()).extracting(Change::toString).containsExactly("tracingMode: PassThrough -> Active");
    }

    @Test
    void aMissingFunctionIsCreatedWithEverySetField() {
        Plan plan = ConfigDiff.between(wanted().memorySize(256).build(), "hash-1", null);

        assertThat(plan.create()).isTrue();
        assertThat(PlanPrinter.lines(plan)).startsWith("Function fn: create (new version)", "  code: (none) -> hash-1")
                .contains("  memorySize: (none) -> 256", "  environment.MODE: (none) -> dev");
    }
}
