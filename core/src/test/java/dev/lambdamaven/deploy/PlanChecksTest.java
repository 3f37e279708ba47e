package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.EventInvokeSpec;
import dev.lambdamaven.config.FileSystemSpec;
import dev.lambdamaven.config.FunctionUrlSpec;
import dev.lambdamaven.config.PermissionSpec;
import dev.lambdamaven.config.RuntimeManagementSpec;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.LayerSpec;
import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.Runtimes;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.config.VpcSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plan refuses before any call: values the Lambda service would refuse, each failure naming the element,
 * the value and the fix. Patterns and limits are those of the Lambda API reference (service model of botocore
 * 1.43); runtime dates those of Lambda's runtime deprecation table.
 */
class PlanChecksTest {

    @TempDir
    Path dir;

    private static FunctionSpec.Builder spec() {
        return FunctionSpec.builder("fn", Path.of("fn.zip")).handler("com.acme.Handler::handleRequest").runtime("java21");
    }

    private static void refused(UnaryOperator<FunctionSpec.Builder> change, String element, String value, String fix) {
        assertThatThrownBy(() -> change.apply(spec()).build()).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("<" + element + ">" + (value == null ? "" : " = '" + value + "'"))
                .hasMessageContaining(fix);
    }

    @Test
    void valuesLambdaRefusesFailTheSpecWithTheElementAndTheFix() {
        refused(b -> b.runtime("jav21"), "runtime", "jav21", "use one of java25, java21");
        refused(b -> b.kmsKeyArn("notanarn"), "kmsKeyArn", "notanarn", "arn:aws:kms:<region>:<12-digit account>:key/");
        refused(b -> b.role("orders-role"), "role", "orders-role", "arn:aws:iam::<12-digit account>:role/<name>");
        refused(b -> b.layers(List.of("arn:aws:lambda:eu-west-1:111122223333:layer:libs")), "layers",
                "arn:aws:lambda:eu-west-1:111122223333:layer:libs", ":layer:<name>:<version>");
        refused(b -> b.handler("com.acme.Handler handle"), "handler", "com.acme.Handler handle", "without spaces");
        refused(b -> b.description("x".repeat(257)), "description", "257 characters", "Lambda allows 256");
        refused(b -> b.tags(Map.of("aws:team", "a")), "tags", "aws:team", "reserved by AWS");
        refused(b -> b.tags(Map.of("team", "v".repeat(257))), "tags/team", "257 characters", "at most 256");
        refused(b -> b.vpc(new VpcSpec(List.of("subnet-12"), List.of("sg-01234567"), false)), "vpc/subnetIds",
                "subnet-12", "8 or 17 hexadecimal digits");
        refused(b -> b.logging(new LoggingSpec(null, null, null, "orders logs")), "logging/logGroup", "orders logs",
                "letters, digits and . - _ / #");
        assertThat(spec().kmsKeyArn("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .role("arn:aws:iam::111122223333:role/service-role/orders").kmsKeyArn("").build()).isNotNull();
    }

    /**
     * The new settings' rules: the API reference's patterns and ranges, and SnapStart's limits from
     * https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html ("Supported features and limitations").
     */
    @Test
    void theNewSettingsAreCheckedBeforeAnyCall() {
        refused(b -> b.snapStart("Always"), "snapStart", "Always", "use PublishedVersions");
        refused(b -> b.runtime("nodejs22.x").snapStart("PublishedVersions"), "snapStart", "PublishedVersions",
                "Java 11 or later, Python 3.12 or later or .NET 8 or later, not nodejs22.x");
        refused(b -> b.runtime("java8.al2").snapStart("PublishedVersions"), "snapStart", "PublishedVersions",
                "not java8.al2");
        refused(b -> b.snapStart("PublishedVersions").ephemeralStorage(1024), "snapStart", "PublishedVersions",
                "ephemeral storage above 512 MB");
        VpcSpec vpc = new VpcSpec(List.of("subnet-0a0000000000000a0"), List.of("sg-01234567"), false);
        FileSystemSpec efs = new FileSystemSpec(
                "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0", "/mnt/data");
        refused(b -> b.vpc(vpc).fileSystemConfigs(List.of(efs)).snapStart("PublishedVersions"), "snapStart",
                "PublishedVersions", "does not support Amazon EFS");
        refused(b -> b.fileSystemConfigs(List.of(efs)), "fileSystemConfigs", efs.arn(), "set <vpc>");
        refused(b -> b.vpc(vpc).fileSystemConfigs(List.of(efs, efs)), "fileSystemConfigs", "2 file systems",
                "at most one");
        assertThatThrownBy(() -> new FileSystemSpec(efs.arn(), "/data")).hasMessageStartingWith(
                "<fileSystemConfigs/fileSystemConfig/localMountPath> = '/data'").hasMessageContaining("under /mnt/");
        assertThatThrownBy(() -> new FileSystemSpec(efs.arn(), "/mnt/a/b")).hasMessageContaining("directly under /mnt/");
        assertThatThrownBy(() -> new FileSystemSpec("fs-1234", "/mnt/data"))
                .hasMessageStartingWith("<fileSystemConfigs/fileSystemConfig/arn> = 'fs-1234'");
        refused(b -> b.deadLetterTargetArn("arn:aws:lambda:us-east-1:123456789012:function:dlq"), "deadLetterTargetArn",
                "arn:aws:lambda:us-east-1:123456789012:function:dlq", "SQS queue or SNS topic");
        refused(b -> b.recursiveLoop("Stop"), "recursiveLoop", "Stop", "use Terminate");
        refused(b -> b.codeSigningConfigArn("csc-1"), "codeSigningConfigArn", "csc-1", "code-signing-config:csc-");
        assertThatThrownBy(() -> new RuntimeManagementSpec("Manual", null))
                .hasMessageStartingWith("<runtimeVersionArn>").hasMessageContaining("Manual needs");
        assertThatThrownBy(() -> new RuntimeManagementSpec("Sometimes", null))
                .hasMessageStartingWith("<runtimeUpdateMode> = 'Sometimes'");
        assertThatThrownBy(() -> new EventInvokeSpec(3, null, null, null))
                .hasMessageStartingWith("<maximumRetryAttempts> = '3'").hasMessageContaining("0 to 2");
        assertThatThrownBy(() -> new EventInvokeSpec(null, 59, null, null))
                .hasMessageStartingWith("<maximumEventAgeInSeconds> = '59'").hasMessageContaining("60 to 21600");
        assertThatThrownBy(() -> new EventInvokeSpec(null, null, "orders-failures", null))
                .hasMessageStartingWith("<onSuccess> = 'orders-failures'");
        assertThatThrownBy(() -> new FunctionUrlSpec("PUBLIC", null, null))
                .hasMessageStartingWith("<functionUrl/authType> = 'PUBLIC'").hasMessageContaining("AWS_IAM");
        assertThatThrownBy(() -> new FunctionUrlSpec("NONE", "STREAM", null))
                .hasMessageStartingWith("<functionUrl/invokeMode> = 'STREAM'");
        assertThatThrownBy(() -> new FunctionUrlSpec("NONE", null, new FunctionUrlSpec.Cors(null, null, List.of("FETCH"),
                null, null, null))).hasMessageStartingWith("<functionUrl/cors/allowMethods> = 'FETCH'");
        assertThatThrownBy(() -> new PermissionSpec("s3 uploads", "s3.amazonaws.com", null, null, null, null, false))
                .hasMessageStartingWith("<permissions/permission[s3 uploads]/statementId> = 's3 uploads'");
        assertThatThrownBy(() -> new PermissionSpec("url", "*", "lambda:InvokeFunction", null, null, "NONE", true))
                .hasMessageStartingWith("<permissions/permission[url]/action> = 'lambda:InvokeFunction'")
                .hasMessageContaining("lambda:InvokeFunctionUrl");
        assertThatThrownBy(() -> new PermissionSpec("s3", "s3.amazonaws.com", null, null, "1234", null, false))
                .hasMessageStartingWith("<permissions/permission[s3]/sourceAccount> = '1234'");
        PermissionSpec s3 = new PermissionSpec("s3", "s3.amazonaws.com", null, null, null, null, false);
        refused(b -> b.permissions(List.of(s3, s3)), "permissions/permission/statementId", "s3", "unique");
        assertThatThrownBy(() -> new AliasSettings(3, null, null, null, false)
                .checkWith(spec().snapStart("PublishedVersions").build()))
                .hasMessageStartingWith("<provisionedConcurrency> = '3'").hasMessageContaining("SnapStart does not support");
        assertThatThrownBy(() -> new AliasSettings(-1, null, null, null, false))
                .hasMessageStartingWith("<provisionedConcurrency> = '-1'");
        assertThat(spec().runtime("java11").snapStart("PublishedVersions").ephemeralStorage(512).architecture("arm64")
                .build().snapStart()).as("arm64 is supported since 2024").isEqualTo("PublishedVersions");
        assertThat(spec().runtime("python3.13").snapStart("PublishedVersions").build()).isNotNull();
    }

    @Test
    void layerValuesAreCheckedToo() {
        assertThatThrownBy(() -> new LayerSpec("libs", Path.of("l.zip"), null, null, null, List.of("java99"), null, null))
                .hasMessageStartingWith("<compatibleRuntimes> = 'java99'");
        assertThatThrownBy(() -> new LayerSpec("libs", Path.of("l.zip"), null, "d".repeat(300), null, null, null, null))
                .hasMessageStartingWith("<description> = '300 characters'");
    }

    @Test
    void aVersionDescriptionLongerThanLambdaTakesFailsNamingTheTemplate() {
        assertThatThrownBy(() -> new DeployOptions(false, false, null, "v".repeat(300), null))
                .hasMessageStartingWith("<versionDescription> = '300 characters'").hasMessageContaining("256");
    }

    @Test
    void theRuntimeTableFollowsLambdasDates() {
        Runtimes.Lifecycle java8 = Runtimes.require("runtime", "java8");
        assertThat(java8.createBlockedOn(LocalDate.parse("2024-02-07"))).isFalse();
        assertThat(java8.createBlockedOn(LocalDate.parse("2024-02-08"))).isTrue();
        assertThat(java8.updateBlockedOn(LocalDate.parse("2025-10-31"))).isFalse();
        assertThat(java8.updateBlockedOn(LocalDate.parse("2025-11-01"))).isTrue();
        assertThat(Runtimes.require("runtime", "java21").deprecatedOn(LocalDate.parse("2026-12-01"))).isFalse();
        assertThat(Runtimes.require("runtime", "python3.9").deprecatedOn(LocalDate.parse("2026-12-01"))).isTrue();
    }

    /** The deployer's target refuses every connection: a check that made a call would fail differently. */
    private Deployer offline(String day) {
        Clock clock = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
        AwsClients clients = new AwsClients(new Target(Target.Kind.EMULATOR, URI.create("http://127.0.0.1:9"), null, null));
        RecordingLog log = new RecordingLog();
        return new Deployer(clients, log, new Retry(m -> { }, log), CodeUploader.DIRECT_UPLOAD_LIMIT, clock, m -> { });
    }

    @Test
    void aRuntimeLambdaNoLongerUpdatesFailsThePlanBeforeAnyCall() throws Exception {
        FunctionSpec java8 = FunctionSpec.builder("fn", TestZips.zip(dir, "fn.zip", "x")).handler("a.B::c")
                .runtime("java8").build();
        try (Deployer deployer = offline("2026-12-01")) {
            assertThatThrownBy(() -> deployer.deployFunction(java8, new DeployOptions(true, false, null, null, null)))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("<runtime> = 'java8': Lambda refuses to create or update functions on it since 2025-11-01;"
                            + " use java21 (or java8.al2)");
            assertThat(deployer.apiCalls()).isZero();
        }
    }

    @Test
    void aZipChangedAfterPackagingFailsBeforeAnyCall() throws Exception {
        FunctionSpec spec = FunctionSpec.builder("fn", TestZips.zip(dir, "fn.zip", "x")).codeSha256("stale=")
                .handler("a.B::c").runtime("java21").build();
        try (Deployer deployer = offline("2026-12-01")) {
            assertThatThrownBy(() -> deployer.deployFunction(spec, DeployOptions.DEFAULTS))
                    .isInstanceOf(DeployRefusedException.class).hasMessageContaining("changed after it was packaged")
                    .hasMessageContaining("run mvn package again");
            assertThat(deployer.apiCalls()).isZero();
        }
    }
}
