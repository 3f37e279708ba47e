package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.config.Environment;
import dev.lambdamaven.config.FileSystemSpec;
import dev.lambdamaven.config.PermissionSpec;
import dev.lambdamaven.config.RuntimeManagementSpec;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LoggingSpec;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.VpcSpec;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * The table of function fields, entry by entry: every field is diffed (a differing value is a change, the same value
 * none), created (CreateFunction carries it, or its own call follows), updated (the update request, or its own call,
 * carries the value) and, where {@code <authoritative>} resets it, reset. The loop is over {@link FunctionFields#ALL}:
 * a new entry without a sample here fails {@link #everyFieldHasASample()}.
 */
class FunctionFieldsTest {

    private static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:libs:1";
    private static final String DLQ = "arn:aws:sqs:us-east-1:123456789012:orders-dlq";
    private static final String ACCESS_POINT =
            "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";
    private static final String CSC = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0";
    private static final String RUNTIME_VERSION =
            "arn:aws:lambda:us-east-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9";
    private static final VpcSpec VPC = new VpcSpec(List.of("subnet-0a0000000000000a0"), List.of("sg-01234567"), false);

    /**
     * How one field is set in the pom, the same value as Lambda reports it, and where a request carries it: the
     * request member and its value as the SDK prints it; for a function-level field, the operation of its own call and
     * what its request (and CreateFunction's, when it carries the field) prints of the value.
     */
    record Sample(UnaryOperator<FunctionSpec.Builder> pom, UnaryOperator<Deployed> sameDeployed, String member,
                  String sent) {}

    /** A deployed function under construction: its configuration, tags, concurrency and own reads. */
    record Deployed(FunctionConfiguration.Builder config, Map<String, String> tags, Integer concurrency,
                    Map<String, Object> ownReads) {
        Deployed with(UnaryOperator<FunctionConfiguration.Builder> change) {
            return new Deployed(change.apply(config), tags, concurrency, ownReads);
        }

        Deployed own(String field, Object value) {
            Map<String, Object> reads = new HashMap<>(ownReads);
            reads.put(field, value);
            return new Deployed(config, tags, concurrency, reads);
        }

        DeployedFunction build() {
            return new DeployedFunction(config.build(), tags, concurrency, ownReads);
        }
    }

    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("handler", new Sample(b -> b.handler("com.acme.Other::handle"),
                d -> d.with(c -> c.handler("com.acme.Other::handle")), "Handler", "com.acme.Other::handle"));
        SAMPLES.put("runtime", new Sample(b -> b.runtime("java17"), d -> d.with(c -> c.runtime("java17")), "Runtime",
                "java17"));
        SAMPLES.put("role", new Sample(b -> b.role("arn:aws:iam::111122223333:role/other"),
                d -> d.with(c -> c.role("arn:aws:iam::111122223333:role/other")), "Role",
                "arn:aws:iam::111122223333:role/other"));
        SAMPLES.put("description", new Sample(b -> b.description("orders"), d -> d.with(c -> c.description("orders")),
                "Description", "orders"));
        SAMPLES.put("memorySize", new Sample(b -> b.memorySize(512), d -> d.with(c -> c.memorySize(512)), "MemorySize",
                "512"));
        SAMPLES.put("timeout", new Sample(b -> b.timeout(30), d -> d.with(c -> c.timeout(30)), "Timeout", "30"));
        SAMPLES.put("ephemeralStorage", new Sample(b -> b.ephemeralStorage(2048),
                d -> d.with(c -> c.ephemeralStorage(e -> e.size(2048))), "EphemeralStorage",
                "EphemeralStorage(Size=2048)"));
        SAMPLES.put("architecture", new Sample(b -> b.architecture("arm64"),
                d -> d.with(c -> c.architecturesWithStrings("arm64")), "Architectures", "[arm64]"));
        SAMPLES.put("kmsKeyArn", new Sample(b -> b.kmsKeyArn("arn:aws:kms:us-east-1:111122223333:key/k1"),
                d -> d.with(c -> c.kmsKeyArn("arn:aws:kms:us-east-1:111122223333:key/k1")), "KMSKeyArn",
                "arn:aws:kms:us-east-1:111122223333:key/k1"));
        SAMPLES.put("tracingMode", new Sample(b -> b.tracingMode("Active"),
                d -> d.with(c -> c.tracingConfig(t -> t.mode("Active"))), "TracingConfig", "TracingConfig(Mode=Active)"));
        SAMPLES.put("logging", new Sample(b -> b.logging(new LoggingSpec("JSON", "WARN", null, null)),
                d -> d.with(c -> c.loggingConfig(l -> l.logFormat("JSON").applicationLogLevel("WARN")
                        .systemLogLevel("INFO").logGroup("/aws/lambda/fn"))), "LoggingConfig",
                "LoggingConfig(LogFormat=JSON, ApplicationLogLevel=WARN)"));
        SAMPLES.put("environment", new Sample(b -> b.environment(new Environment(Map.of("TABLE", "orders"),
                        Map.of("TOKEN", SecretValue.of("hunter2")))),
                d -> d.with(c -> c.environment(e -> e.variables(Map.of("TABLE", "orders", "TOKEN", "hunter2")))),
                "Environment", "Environment(Variables=*** Sensitive Data Redacted ***)"));
        SAMPLES.put("layers", new Sample(b -> b.layers(List.of(LAYER)), d -> d.with(c -> c.layers(l -> l.arn(LAYER))),
                "Layers", "[" + LAYER + "]"));
        SAMPLES.put("vpc", new Sample(b -> b.vpc(new VpcSpec(List.of("subnet-0a0000000000000a0"),
                        List.of("sg-01234567"), false)),
                d -> d.with(c -> c.vpcConfig(v -> v.subnetIds("subnet-0a0000000000000a0")
                        .securityGroupIds("sg-01234567").ipv6AllowedForDualStack(false))),
                "VpcConfig", "VpcConfig(SubnetIds=[subnet-0a0000000000000a0], SecurityGroupIds=[sg-01234567],"
                        + " Ipv6AllowedForDualStack=false)"));
        SAMPLES.put("snapStart", new Sample(b -> b.snapStart("PublishedVersions"),
                d -> d.with(c -> c.snapStart(r -> r.applyOn("PublishedVersions").optimizationStatus("Off"))),
                "SnapStart", "SnapStart(ApplyOn=PublishedVersions)"));
        SAMPLES.put("deadLetterTargetArn", new Sample(b -> b.deadLetterTargetArn(DLQ),
                d -> d.with(c -> c.deadLetterConfig(q -> q.targetArn(DLQ))), "DeadLetterConfig",
                "DeadLetterConfig(TargetArn=" + DLQ + ")"));
        SAMPLES.put("fileSystemConfigs", new Sample(b -> b.vpc(VPC).fileSystemConfigs(List.of(
                        new FileSystemSpec(ACCESS_POINT, "/mnt/data"))),
                d -> d.with(c -> c.vpcConfig(v -> v.subnetIds("subnet-0a0000000000000a0").securityGroupIds("sg-01234567"))
                        .fileSystemConfigs(f -> f.arn(ACCESS_POINT).localMountPath("/mnt/data"))),
                "FileSystemConfigs", "[FileSystemConfig(Arn=" + ACCESS_POINT + ", LocalMountPath=/mnt/data)]"));
        SAMPLES.put("tags", new Sample(b -> b.tags(Map.of("team", "orders")),
                d -> new Deployed(d.config(), Map.of("team", "orders"), d.concurrency(), d.ownReads()), "TagResource",
                "Tags={team=orders}"));
        SAMPLES.put("reservedConcurrency", new Sample(b -> b.reservedConcurrency(7),
                d -> new Deployed(d.config(), d.tags(), 7, d.ownReads()), "PutFunctionConcurrency",
                "ReservedConcurrentExecutions=7"));
        SAMPLES.put("recursiveLoop", new Sample(b -> b.recursiveLoop("Allow"), d -> d.own("recursiveLoop", "Allow"),
                "PutFunctionRecursionConfig", "RecursiveLoop=Allow"));
        SAMPLES.put("runtimeUpdateMode", new Sample(b -> b.runtimeManagement(new RuntimeManagementSpec("Manual", RUNTIME_VERSION)),
                d -> d.own("runtimeUpdateMode", "Manual (" + RUNTIME_VERSION + ")"), "PutRuntimeManagementConfig",
                "UpdateRuntimeOn=Manual, RuntimeVersionArn=" + RUNTIME_VERSION));
        SAMPLES.put("codeSigningConfigArn", new Sample(b -> b.codeSigningConfigArn(CSC),
                d -> d.own("codeSigningConfigArn", CSC), "PutFunctionCodeSigningConfig", "CodeSigningConfigArn=" + CSC));
        SAMPLES.put("permissions", new Sample(b -> b.permissions(List.of(new PermissionSpec("s3", "s3.amazonaws.com",
                        null, "arn:aws:s3:::uploads", "123456789012", null, false))),
                d -> d.own("permissions", Map.of("maven-s3",
                        "s3.amazonaws.com lambda:InvokeFunction from arn:aws:s3:::uploads of account 123456789012")),
                "AddPermission", "StatementId=maven-s3, Action=lambda:InvokeFunction, Principal=s3.amazonaws.com,"
                        + " SourceArn=arn:aws:s3:::uploads, SourceAccount=123456789012"));
    }

    private static FunctionSpec.Builder base() {
        return FunctionSpec.builder("fn", Path.of("fn.zip")).handler("com.acme.Handler::handleRequest")
                .runtime("java21");
    }

    /** A function as Lambda reports one created from {@link #base()} with no other setting. */
    private static Deployed deployedBase() {
        return new Deployed(FunctionConfiguration.builder().functionArn("arn:aws:lambda:us-east-1:123456789012:function:fn")
                .revisionId("r1").codeSha256("h").handler("com.acme.Handler::handleRequest").runtime("java21")
                .role("arn:aws:iam::123456789012:role/lambda").description("").memorySize(128).timeout(3)
                .ephemeralStorage(e -> e.size(512)).architecturesWithStrings("x86_64")
                .tracingConfig(t -> t.mode("PassThrough"))
                .loggingConfig(l -> l.logFormat("Text").logGroup("/aws/lambda/fn")), Map.of(), null, new HashMap<>());
    }

    @Test
    void everyFieldHasASample() {
        assertThat(SAMPLES.keySet()).as("one sample per entry of FunctionFields.ALL, in table order")
                .containsExactlyElementsOf(FunctionFields.ALL.stream().map(f -> f.name).toList());
    }

    @Test
    void everyFieldIsDiffedAgainstTheDeployedValue() {
        for (FunctionField<?, ?> field : FunctionFields.ALL) {
            Sample sample = SAMPLES.get(field.name);
            FunctionSpec spec = sample.pom().apply(base()).build();

            Plan differing = ConfigDiff.between(spec, "h", deployedBase().build());
            assertThat(differing.changes(field)).as(field.name + " differs").isTrue();
            assertThat(differing.changesVersion()).as(field.name + " gives a new version")
                    .isEqualTo(field.kind != FunctionField.Kind.FUNCTION);
            assertThat(String.join("\n", PlanPrinter.lines(differing))).doesNotContain("hunter2");

            Plan same = ConfigDiff.between(spec, "h", sample.sameDeployed().apply(deployedBase()).build());
            assertThat(same.changes(field)).as(field.name + " deployed as in the pom").isFalse();
            assertThat(same.isEmpty()).as(field.name + ": " + PlanPrinter.lines(same)).isTrue();
        }
    }

    @Test
    void everyFieldReachesTheCreateRequestOrItsOwnCall() {
        for (FunctionField<?, ?> field : FunctionFields.ALL) {
            Sample sample = SAMPLES.get(field.name);
            FunctionSpec spec = sample.pom().apply(base()).build();
            CreateFunctionRequest.Builder request = CreateFunctionRequest.builder();
            FunctionFields.ALL.forEach(f -> f.setOnCreate(request, spec));
            if (field.kind != FunctionField.Kind.FUNCTION) {
                assertThat(member(request.build(), sample.member())).as(field.name).isEqualTo(sample.sent());
            } else if (field.createdWith()) {
                assertThat(request.build().toString()).as(field.name).contains(sample.sent());
            } else {
                assertThat(ownCalls(field, spec, null)).as(field.name).singleElement().asString()
                        .startsWith(sample.member() + " ").contains(sample.sent());
            }
        }
    }

    @Test
    void everyFieldReachesTheRequestThatUpdatesIt() {
        for (FunctionField<?, ?> field : FunctionFields.ALL) {
            Sample sample = SAMPLES.get(field.name);
            FunctionSpec spec = sample.pom().apply(base()).build();
            switch (field.kind) {
                case CONFIGURATION -> {
                    UpdateFunctionConfigurationRequest.Builder request = UpdateFunctionConfigurationRequest.builder();
                    field.setOnUpdate(request, spec);
                    assertThat(member(request.build(), sample.member())).as(field.name).isEqualTo(sample.sent());
                }
                case CODE -> {
                    UpdateFunctionCodeRequest.Builder request = UpdateFunctionCodeRequest.builder();
                    field.setOnCode(request, spec);
                    assertThat(member(request.build(), sample.member())).as(field.name).isEqualTo(sample.sent());
                }
                case FUNCTION -> assertThat(ownCalls(field, spec, deployedBase().build())).as(field.name)
                        .singleElement().asString().startsWith(sample.member() + " ").contains(sample.sent());
            }
        }
    }

    @Test
    void authoritativeResetsWhatThePomLeavesOutAndTheDefaultPlanOnlyShowsIt() {
        for (FunctionField<?, ?> field : FunctionFields.ALL) {
            if (!field.resettable()) {
                continue;
            }
            DeployedFunction deployed = SAMPLES.get(field.name).sameDeployed().apply(deployedBase()).build();

            Plan leftAlone = ConfigDiff.between(base().build(), "h", deployed);
            assertThat(leftAlone.changes(field)).as(field.name).isFalse();
            assertThat(leftAlone.leftAlone()).as(field.name).isNotEmpty()
                    .allMatch(c -> c.setting().equals(field.name));

            FunctionSpec authoritative = base().authoritative(true).build();
            Plan reset = ConfigDiff.between(authoritative, "h", deployed);
            assertThat(reset.changes(field)).as(field.name).isTrue();
            assertThat(reset.leftAlone()).isEmpty();
            // the reset brings the function back to what a new one gets: the base deployment
            assertThat(ConfigDiff.between(authoritative, "h", deployedBase().build()).isEmpty()).as(field.name).isTrue();
        }
    }

    @Test
    void aResetSendsLambdasDefault() {
        FunctionSpec authoritative = base().authoritative(true).build();
        UpdateFunctionConfigurationRequest.Builder request = UpdateFunctionConfigurationRequest.builder();
        List.of(FunctionFields.MEMORY_SIZE, FunctionFields.TIMEOUT, FunctionFields.DESCRIPTION,
                FunctionFields.KMS_KEY_ARN, FunctionFields.TRACING_MODE).forEach(f -> f.setOnUpdate(request, authoritative));
        assertThat(request.build().toString()).contains("MemorySize=128", "Timeout=3", "Description=",
                "KMSKeyArn=", "TracingConfig=TracingConfig(Mode=PassThrough)");
        assertThat(ownCalls(FunctionFields.RESERVED_CONCURRENCY, authoritative,
                new Deployed(deployedBase().config(), Map.of(), 7, Map.of()).build()))
                .singleElement().asString().startsWith("DeleteFunctionConcurrency ").contains("FunctionName=fn");
        assertThat(ownCalls(FunctionFields.TAGS, authoritative,
                new Deployed(deployedBase().config(), Map.of("old", "x"), null, Map.of()).build()))
                .singleElement().asString().startsWith("UntagResource ").contains("TagKeys=[old]");
        assertThat(ownCalls(FunctionFields.TAGS, base().build(),
                new Deployed(deployedBase().config(), Map.of("old", "x"), null, Map.of()).build()))
                .as("without <authoritative> a tag left out stays").isEmpty();
    }

    private static String member(SdkPojo request, String member) {
        return request.sdkFields().stream().filter(f -> f.memberName().equals(member)).findFirst()
                .map(f -> String.valueOf(f.getValueOrDefault(request))).orElseThrow();
    }

    /** The calls a function-level field makes, each as its operation and its request, recorded by a LambdaClient that answers nothing. */
    private static List<String> ownCalls(FunctionField<?, ?> field, FunctionSpec spec, DeployedFunction deployed) {
        List<String> calls = new ArrayList<>();
        InvocationHandler recorder = (proxy, method, args) -> {
            if (args == null || !(args[0] instanceof SdkPojo)) { // the Consumer<Builder> overloads build the request
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            SdkPojo request = (SdkPojo) args[0];
            String operation = Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
            calls.add(operation + " " + request);
            return null;
        };
        LambdaClient lambda = (LambdaClient) Proxy.newProxyInstance(LambdaClient.class.getClassLoader(),
                new Class<?>[] {LambdaClient.class}, recorder);
        field.applyOwn(new FunctionCalls(lambda, new Retry(millis -> { }, DeployLog.SILENT), DeployLog.SILENT, "fn",
                "arn:aws:lambda:us-east-1:123456789012:function:fn"), spec, deployed);
        return calls;
    }
}
