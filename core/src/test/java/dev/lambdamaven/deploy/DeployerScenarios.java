package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.LayerSpec;
import dev.lambdamaven.config.PermissionSpec;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.config.VpcSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The deployer against a real server through {@code endpoint}, the same SDK code path AWS gets: each scenario runs
 * against the project's own emulator ({@link DeployerEmulatorTest}) and against {@code moto_server}
 * ({@link DeployerMotoTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeployerScenarios {

    private DeployPeer peer;
    private AwsClients clients;

    @TempDir
    Path dir;

    final RecordingLog log = new RecordingLog();
    Deployer deployer;
    LambdaClient lambda;

    /** Starts the server the scenarios run against. */
    abstract DeployPeer startPeer() throws Exception;

    @BeforeAll
    void start() throws Exception {
        peer = startPeer();
        clients = new AwsClients(new Target(Target.Kind.EMULATOR, peer.endpoint(), null, null));
    }

    @AfterAll
    void stop() throws Exception {
        if (clients != null) {
            clients.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @BeforeEach
    void newDeployer() {
        deployer = deployer(CodeUploader.DIRECT_UPLOAD_LIMIT);
        lambda = clients.lambda();
    }

    private Deployer deployer(long directUploadLimit) {
        AwsClients own = new AwsClients(new Target(Target.Kind.EMULATOR, peer.endpoint(), null, null));
        return new Deployer(own, log, new Retry(millis -> { }, log), directUploadLimit, java.time.Clock.systemUTC(),
                millis -> { });
    }

    java.net.URI endpoint() {
        return peer.endpoint();
    }

    FunctionSpec.Builder spec(String name, String code) throws Exception {
        return FunctionSpec.builder(name, TestZips.zip(dir, name + "-" + code.hashCode() + ".zip", code))
                .handler("com.acme.Handler::handleRequest").runtime("java21").role(DeployPeer.ROLE_ARN);
    }

    FunctionResult deploy(FunctionSpec spec) {
        return deployer.deployFunction(spec, new DeployOptions(false, false, null, "1.0 abc123", null));
    }

    @Test
    void firstDeployCreatesVersionOneAndAnUnchangedRedeployPublishesNothing() throws Exception {
        FunctionSpec spec = spec("create-once", "v1").memorySize(256).tags(Map.of("team", "orders")).build();

        FunctionResult first = deploy(spec);
        assertThat(first.changed()).isTrue();
        assertThat(first.version()).isEqualTo("1");
        assertThat(first.codeSha256()).isEqualTo(CodeHash.of(spec.code()));
        var v1 = lambda.getFunctionConfiguration(r -> r.functionName("create-once").qualifier("1"));
        assertThat(v1.memorySize()).isEqualTo(256);
        assertThat(v1.codeSha256()).isEqualTo(first.codeSha256());

        Deployer again = deployer(CodeUploader.DIRECT_UPLOAD_LIMIT);
        FunctionResult second = again.deployFunction(spec, DeployOptions.DEFAULTS);
        assertThat(second.changed()).isFalse();
        assertThat(second.version()).isEqualTo("1");
        assertThat(second.plan().isEmpty()).isTrue();
        assertThat(again.apiCalls()).as("GetFunction and PublishVersion only").isEqualTo(2);
        assertThat(log.text()).contains("create-once: no changes");
    }

    /**
     * A tag change is a change of the function on AWS, whose RevisionId then moves on (recorded in LocalStack's
     * test_lambda_api.snapshot.json, TestLambdaTags::test_tag_lifecycle): the publish that follows must not send the
     * revision read before the tags changed.
     */
    @Test
    void aTagChangeWithAConfigurationChangeStillPublishes() throws Exception {
        assertThat(deploy(spec("retagged", "v1").tags(Map.of("team", "orders")).build()).version()).isEqualTo("1");
        FunctionResult tagsOnly = deploy(spec("retagged", "v1").tags(Map.of("team", "payments")).build());
        assertThat(tagsOnly.version()).isEqualTo("1");
        FunctionResult both = deploy(spec("retagged", "v1").tags(Map.of("team", "billing")).timeout(20).build());
        assertThat(both.version()).isEqualTo("2");
        assertThat(lambda.listTags(r -> r.resource(both.functionArn())).tags()).containsEntry("team", "billing");
    }

    @Test
    void codeConfigAndLayerChangesEachPublishANewVersion() throws Exception {
        FunctionSpec v1 = spec("changes", "code-1").build();
        assertThat(deploy(v1).version()).isEqualTo("1");

        FunctionResult code = deploy(spec("changes", "code-2").build());
        assertThat(code.version()).isEqualTo("2");
        assertThat(code.plan().codeChanged()).isTrue();

        FunctionResult config = deploy(spec("changes", "code-2").timeout(30).build());
        assertThat(config.version()).isEqualTo("3");
        assertThat(config.plan().codeChanged()).isFalse();
        assertThat(config.plan().configChanges()).extracting(Change::toString).containsExactly("timeout: 3 -> 30");

        String layer = deployer.publishLayer(layer("changes-layer", "lib-1"), DeployOptions.DEFAULTS).layerVersionArn();
        FunctionResult layered = deploy(spec("changes", "code-2").timeout(30).layers(List.of(layer)).build());
        assertThat(layered.version()).isEqualTo("4");
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("changes").qualifier("4")).layers())
                .extracting(l -> l.arn()).containsExactly(layer);
    }

    @Test
    void reservedConcurrencyIsAppliedWithoutANewVersion() throws Exception {
        // moto keeps TracingConfig from CreateFunction but ignores it in updates: tracing is checked on create here,
        // its update in ConfigDiffTest
        FunctionSpec.Builder spec = spec("settings", "a").tracingMode("Active");
        assertThat(deploy(spec.build()).version()).isEqualTo("1");
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("settings").qualifier("1")).tracingConfig()
                .modeAsString()).isEqualTo("Active");

        FunctionResult concurrency = deploy(spec.reservedConcurrency(7).build());

        assertThat(concurrency.changed()).isFalse();
        assertThat(concurrency.version()).isEqualTo("1");
        assertThat(concurrency.plan().functionChanges()).extracting(Change::toString)
                .containsExactly("reservedConcurrency: (none) -> 7");
        assertThat(lambda.getFunction(r -> r.functionName("settings")).concurrency().reservedConcurrentExecutions())
                .isEqualTo(7);
        assertThat(deploy(spec.build()).plan().isEmpty()).isTrue();
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        deploy(spec("planned", "one").memorySize(128).build());
        FunctionSpec changed = spec("planned", "two").memorySize(512)
                .environment(new Environment(Map.of("TABLE", "orders"), Map.of("DB_PASSWORD", SecretValue.of("hunter2"))))
                .build();

        FunctionResult result = deployer.deployFunction(changed, new DeployOptions(true, false, null, null, null));

        assertThat(result.version()).isNull();
        assertThat(result.changed()).isTrue();
        assertThat(log.text()).contains("memorySize: 128 -> 512", "environment.TABLE: (none) -> orders",
                "environment.DB_PASSWORD: (none) -> ****", "code: ")
                .doesNotContain("hunter2");
        var latest = lambda.getFunctionConfiguration(r -> r.functionName("planned"));
        assertThat(latest.memorySize()).isEqualTo(128);
        assertThat(latest.environment() == null || latest.environment().variables().isEmpty()).isTrue();
        assertThatThrownBy(() -> deployer.deployFunction(changed, new DeployOptions(false, true, null, null, null)))
                .isInstanceOf(DeployRefusedException.class).hasMessageContaining("lambda.failOnChange");
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("planned")).memorySize()).isEqualTo(128);
    }

    @Test
    void secretsReachTheFunctionButNeverTheLog() throws Exception {
        FunctionSpec spec = spec("with-secret", "s").environment(
                new Environment(Map.of("MODE", "prod"), Map.of("API_KEY", SecretValue.of("s3cr3t-value")))).build();

        FunctionResult result = deploy(spec);
        FunctionResult rotated = deploy(spec("with-secret", "s").environment(
                new Environment(Map.of("MODE", "prod"), Map.of("API_KEY", SecretValue.of("rotated-value")))).build());

        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("with-secret").qualifier(result.version()))
                .environment().variables()).containsEntry("API_KEY", "s3cr3t-value");
        assertThat(rotated.version()).isEqualTo("2");
        assertThat(rotated.plan().configChanges()).extracting(Change::toString)
                .containsExactly("environment.API_KEY: **** -> ****");
        assertThat(log.text()).doesNotContain("s3cr3t-value").doesNotContain("rotated-value");
    }

    @Test
    void canaryThenPromoteThenRollback() throws Exception {
        String v1 = deploy(spec("aliased", "a").build()).version();
        AliasResult created = deployer.updateAlias("aliased", new AliasSpec("live", null, null, null), v1, Origin.PUBLISHED, DeployOptions.DEFAULTS);
        assertThat(created.functionVersion()).isEqualTo("1");
        assertThat(created.changed()).isTrue();
        assertThat(deployer.updateAlias("aliased", new AliasSpec("live", null, null, null), v1, Origin.PUBLISHED, DeployOptions.DEFAULTS)
                .changed()).isFalse();

        String v2 = deploy(spec("aliased", "b").build()).version();
        AliasResult canary = deployer.updateAlias("aliased", new AliasSpec("live", 0.1, null, null), v2, Origin.PUBLISHED, DeployOptions.DEFAULTS);
        assertThat(canary.functionVersion()).isEqualTo("1");
        assertThat(canary.weights()).containsExactly(Map.entry("2", 0.1));
        assertThat(lambda.getAlias(r -> r.functionName("aliased").name("live")).routingConfig()
                .additionalVersionWeights()).containsEntry("2", 0.1);

        AliasResult promoted = deployer.promote("aliased", "live", DeployOptions.DEFAULTS);
        assertThat(promoted.functionVersion()).isEqualTo("2");
        assertThat(promoted.weights()).isEmpty();
        assertThat(promoted.previousVersion()).isEqualTo("1");

        AliasResult rolledBack = deployer.rollback("aliased", "live", 1, null, DeployOptions.DEFAULTS);
        assertThat(rolledBack.functionVersion()).isEqualTo("1");
        assertThat(lambda.getAlias(r -> r.functionName("aliased").name("live")).functionVersion()).isEqualTo("1");
    }

    @Test
    void rollbackDuringACanaryEndsTheCanary() throws Exception {
        String v1 = deploy(spec("canary-abort", "a").build()).version();
        deployer.updateAlias("canary-abort", new AliasSpec("live", null, null, null), v1, Origin.PUBLISHED, DeployOptions.DEFAULTS);
        String v2 = deploy(spec("canary-abort", "b").build()).version();
        deployer.updateAlias("canary-abort", new AliasSpec("live", 0.25, null, null), v2, Origin.PUBLISHED, DeployOptions.DEFAULTS);

        AliasResult result = deployer.rollback("canary-abort", "live", 1, null, DeployOptions.DEFAULTS);

        assertThat(result.functionVersion()).isEqualTo("1");
        assertThat(result.weights()).isEmpty();
        assertThatThrownBy(() -> deployer.rollback("canary-abort", "live", 1, null, DeployOptions.DEFAULTS))
                .isInstanceOf(DeployRefusedException.class).hasMessageContaining("0 earlier release(s)");
    }

    @Test
    void layerPublishesOnlyWhenContentChangesAndIsShared() throws Exception {
        LayerResult first = deployer.publishLayer(layer("shared-libs", "one"), DeployOptions.DEFAULTS);
        LayerResult same = deployer.publishLayer(layer("shared-libs", "one"), DeployOptions.DEFAULTS);
        LayerResult next = deployer.publishLayer(layer("shared-libs", "two"), DeployOptions.DEFAULTS);

        assertThat(first.changed()).isTrue();
        assertThat(same.changed()).isFalse();
        assertThat(same.layerVersionArn()).isEqualTo(first.layerVersionArn());
        assertThat(next.version()).isEqualTo(first.version() + 1);
        String policy = lambda.getLayerVersionPolicy(r -> r.layerName("shared-libs").versionNumber(next.version()))
                .policy();
        assertThat(policy).contains(LayerPublisher.statementId("*"));
    }

    @Test
    void largeCodeGoesThroughS3() throws Exception {
        clients.s3().createBucket(r -> r.bucket("code-bucket"));
        Deployer small = deployer(16);
        FunctionSpec spec = spec("via-s3", "a larger body than sixteen bytes").build();

        FunctionResult result = small.deployFunction(spec, new DeployOptions(false, false, "code-bucket", null, null));

        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("via-s3")).codeSha256())
                .isEqualTo(result.codeSha256());
        String key = "lambda-maven-plugin/functions/via-s3/" + CodeHash.hexOf(result.codeSha256()) + ".zip";
        assertThat(clients.s3().headObject(r -> r.bucket("code-bucket").key(key)).contentLength())
                .isEqualTo(java.nio.file.Files.size(spec.code()));
        assertThat(log.text()).contains("Created via-s3 (code from s3://code-bucket/" + key + ")");
    }

    @Test
    void withoutABucketLargeCodeGoesToABucketOfThePluginsOwnOffAws() throws Exception {
        Deployer small = deployer(16);
        FunctionResult result = small.deployFunction(spec("own-bucket", "a larger body than sixteen bytes").build(),
                DeployOptions.DEFAULTS);

        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("own-bucket")).codeSha256())
                .isEqualTo(result.codeSha256());
        clients.s3().headObject(r -> r.bucket("lambda-maven-plugin-us-east-1")
                .key("lambda-maven-plugin/functions/own-bucket/" + CodeHash.hexOf(result.codeSha256()) + ".zip"));
        assertThat(log.text()).contains("code from s3://lambda-maven-plugin-us-east-1/");
        // the next package finds the bucket there
        small.deployFunction(spec("own-bucket-2", "another body larger than sixteen").build(), DeployOptions.DEFAULTS);
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("own-bucket-2")).codeSize()).isPositive();
    }

    @Test
    void onAwsLargeCodeWithoutABucketFailsNamingTheSetting() throws Exception {
        try (AwsClients aws = new AwsClients(new Target(Target.Kind.AWS, peer.endpoint(), "us-east-1", null))) {
            CodeUploader uploader = new CodeUploader(aws, log, 16);
            Path zip = TestZips.zip(dir, "aws-big.zip", "a larger body than sixteen bytes");
            assertThatThrownBy(() -> uploader.upload(zip, CodeHash.of(zip), "p", null))
                    .isInstanceOf(InvalidSpecException.class).hasMessageContaining("<s3Bucket>")
                    .hasMessageContaining("-Dlambda.s3Bucket");
        }
    }

    @Test
    void aZipOfSeveralPartsIsUploadedOnceWithProgress() throws Exception {
        clients.s3().createBucket(r -> r.bucket("big-bucket"));
        byte[] random = new byte[CodeUploader.PART_SIZE + 1024 * 1024];
        new java.util.Random(42).nextBytes(random);
        Path big = TestZips.stored(dir.resolve("big.zip"), random); // a real zip: the emulator unzips what it gets
        FunctionSpec spec = FunctionSpec.builder("big-code", big).handler("com.acme.Handler::handleRequest")
                .runtime("java21").role(DeployPeer.ROLE_ARN).build();
        Deployer small = deployer(1024);

        FunctionResult result = small.deployFunction(spec, new DeployOptions(false, false, "big-bucket", null, null));

        assertThat(log.text()).contains("Uploading big.zip to s3://big-bucket/", "8 of 9 MB (88%)", "9 of 9 MB (100%)");
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("big-code")).codeSha256())
                .isEqualTo(result.codeSha256());
        String key = "lambda-maven-plugin/functions/big-code/" + CodeHash.hexOf(result.codeSha256()) + ".zip";
        assertThat(clients.s3().headObject(r -> r.bucket("big-bucket").key(key)).contentLength())
                .isEqualTo(java.nio.file.Files.size(big));
    }

    @Test
    void vpcPreflightNamesAMissingSubnetBeforeTheFunctionExists() throws Exception {
        String group = defaultSecurityGroup();
        FunctionSpec spec = spec("vpc-missing", "a")
                .vpc(new VpcSpec(List.of("subnet-0000dead"), List.of(group), false)).build();

        assertThatThrownBy(() -> deploy(spec)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("subnet-0000dead").hasMessageContaining("vpc/subnetIds");
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("vpc-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void vpcIsCheckedThenAttachedAndRemoved() throws Exception {
        List<String> subnets = clients.ec2().describeSubnets().subnets().stream().map(Subnet::subnetId).limit(2).toList();
        VpcSpec vpc = new VpcSpec(subnets, List.of(defaultSecurityGroup()), false);
        deploy(spec("vpc-function", "a").build());

        deployer.checkVpc("vpc-function", vpc);
        assertThat(log.text()).contains("VPC preflight passed");
        int calls = deployer.apiCalls();
        FunctionResult attached = deployer.deployFunction(spec("vpc-function", "a").vpc(vpc).build(),
                new DeployOptions(false, false, null, null, vpc));
        assertThat(attached.plan().configChanges()).extracting(Change::field).containsExactly("vpc");
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("vpc-function")).vpcConfig().subnetIds())
                .containsExactlyInAnyOrderElementsOf(subnets);
        assertThat(log.lines.stream().filter(l -> l.contains("VPC preflight passed")).count())
                .as("a VPC checked by configure-vpc is not checked again").isEqualTo(1);
        assertThat(deployer.apiCalls() - calls).as("no EC2 call when publishing the checked VPC").isLessThan(8);

        FunctionResult removed = deploy(spec("vpc-function", "a").build());
        assertThat(removed.plan().configChanges()).extracting(Change::field).containsExactly("vpc");
        var latest = lambda.getFunctionConfiguration(r -> r.functionName("vpc-function"));
        assertThat(latest.vpcConfig() == null || latest.vpcConfig().subnetIds().isEmpty()).isTrue();
    }

    /** A permission of the function, which both peers serve (moto does not keep a DeadLetterConfig: emulator only). */
    @Test
    void aPermissionIsAddedThenUnchangedThenRemovedWhenDropped() throws Exception {
        FunctionSpec.Builder spec = spec("with-permission", "a").permissions(List.of(new PermissionSpec("events",
                "events.amazonaws.com", null, "arn:aws:events:us-east-1:123456789012:rule/nightly", null, null, false)));

        FunctionResult first = deploy(spec.build());

        assertThat(Permissions.statements(lambda.getPolicy(r -> r.functionName("with-permission")).policy()))
                .containsExactly(Map.entry("maven-events",
                        "events.amazonaws.com lambda:InvokeFunction from arn:aws:events:us-east-1:123456789012:rule/nightly"));
        FunctionResult again = deploy(spec.build());
        assertThat(again.plan().isEmpty()).as(PlanPrinter.lines(again.plan()).toString()).isTrue();
        assertThat(again.version()).isEqualTo(first.version());
        FunctionResult dropped = deploy(spec.permissions(List.of()).build());
        assertThat(dropped.plan().functionChanges()).extracting(Change::field).containsExactly("permissions.maven-events");
        assertThat(dropped.version()).as("a permission is no versioned setting").isEqualTo(first.version());
        assertThat(Permissions.read(new FunctionCalls(lambda, null, log, "with-permission", null), null)).isEmpty();
    }

    private String defaultSecurityGroup() {
        return clients.ec2().describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("default")))
                .securityGroups().get(0).groupId();
    }

    private LayerSpec layer(String name, String content) throws Exception {
        return new LayerSpec(name, TestZips.zip(dir, name + "-" + content + ".zip", content), null, "shared libs", "MIT",
                List.of("java21"), List.of("x86_64"), List.of("*"));
    }
}
