package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsAnswers.LAYER_ARN;
import static dev.lambdamaven.emulator.AwsAnswers.answers;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Layers and layer permissions against AWS's answers recorded in LocalStack's test_lambda_api.snapshot.json
 * (TestLambdaLayer; the test is named at each case).
 */
class AwsRecordedLayersTest extends EmulatorTestBase {

    private static final byte[] LAYER = zip("python/lib.py", "X = 1");
    private static final String NOT_FOUND = "The resource you requested does not exist.";
    /** The runtimes AWS lists when a CompatibleRuntimes value is not one (test_layer_exceptions). */
    private static final String RUNTIMES = "[nodejs20.x, python3.14, provided.al2023, python3.12, python3.13,"
            + " nodejs24.x, nodejs22.x, java25, python3.10, python3.11, java21, ruby3.3, ruby3.4, ruby3.2, python3.8,"
            + " python3.9, java17, nodejs16.x, dotnet10, dotnet8, java11, dotnet6, nodejs18.x, provided.al2,"
            + " java8.al2]";
    private static final String ARCHITECTURES = "Member must satisfy constraint: [Member must satisfy enum value set:"
            + " [x86_64, arm64], Member must not be null]";

    private PublishLayerVersionResponse publish(String name, Consumer<PublishLayerVersionRequest.Builder> settings) {
        return lambda.publishLayerVersion(b -> settings.accept(b.layerName(name)
                .content(c -> c.zipFile(SdkBytes.fromByteArray(LAYER)))));
    }

    // test_layer_exceptions (recorded 2026-01-12)
    @Test
    void layerOperationsAnswerAsAws() {
        var published = publish("testlayer", b -> b.compatibleRuntimes(Runtime.PYTHON3_12)
                .compatibleArchitectures(Architecture.X86_64));
        assertThat(published.description()).isEmpty();
        assertThat(published.licenseInfo()).isNull();
        assertThat(published.layerArn()).isEqualTo(LAYER_ARN + "testlayer");
        assertThat(published.layerVersionArn()).isEqualTo(LAYER_ARN + "testlayer:1");

        answers(() -> lambda.listLayers(b -> b.compatibleRuntime("runtimedoesnotexist")), 400, "ValidationException",
                "1 validation error detected: Value 'runtimedoesnotexist' at 'compatibleRuntime' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [ruby3.5, ruby2.6, dotnetcore1.0, python3.7,"
                        + " nodejs8.10, nasa, ruby2.7, python2.7-greengrass, dotnetcore2.0, python3.8, java21, dotnet6,"
                        + " dotnetcore2.1, python3.9, java11, nodejs6.10, provided, dotnetcore3.1, dotnet8, java25,"
                        + " java17, nodejs, nodejs4.3, java8.al2, go1.x, dotnet10, nodejs20.x, go1.9, byol, nodejs10.x,"
                        + " provided.al2023, nodejs22.x, python3.10, java8, nodejs12.x, python3.11, nodejs24.x,"
                        + " nodejs8.x, python3.12, nodejs14.x, nodejs8.9, nodejs26.x, python3.13, python3.14, nodejs16.x,"
                        + " python3.15, provided.al2, nodejs4.3-edge, nodejs18.x, ruby3.2, python3.4, ruby3.3, ruby3.4,"
                        + " ruby2.5, python3.6, python2.7]");
        answers(() -> lambda.listLayers(b -> b.compatibleArchitecture("archdoesnotexist")), 400,
                "ValidationException", "1 validation error detected: Value 'archdoesnotexist' at"
                        + " 'compatibleArchitecture' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [x86_64, arm64]");
        assertThat(lambda.listLayerVersions(b -> b.layerName("layerdoesnotexist")).layerVersions()).isEmpty();
        answers(() -> lambda.getLayerVersion(b -> b.layerName("layerdoesnotexist").versionNumber(1L)), 404,
                "ResourceNotFoundException", NOT_FOUND);
        for (long version : new long[] {-1, 0}) {
            answers(() -> lambda.getLayerVersion(b -> b.layerName("testlayer").versionNumber(version)), 400,
                    "InvalidParameterValueException", "Layer Version Cannot be less than 1");
        }
        answers(() -> lambda.getLayerVersion(b -> b.layerName("testlayer").versionNumber(2L)), 404,
                "ResourceNotFoundException", NOT_FOUND);
        answers(() -> lambda.getLayerVersionByArn(b -> b.arn(published.layerArn())), 400, "ValidationException",
                "1 validation error detected: Value '" + published.layerArn() + "' at 'arn' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:"
                        + "(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+)"
                        + "|(arn:[a-zA-Z0-9-]+:lambda:::awslayer:[a-zA-Z0-9-_]+)");
        answers(() -> lambda.getLayerVersionByArn(b -> b.arn(published.layerArn() + ":2")), 404,
                "ResourceNotFoundException", NOT_FOUND);
        // deleting is idempotent
        lambda.deleteLayerVersion(b -> b.layerName("layerdoesnotexist").versionNumber(1L));
        lambda.deleteLayerVersion(b -> b.layerName("testlayer").versionNumber(2L));
        lambda.deleteLayerVersion(b -> b.layerName("testlayer").versionNumber(1L));
        lambda.deleteLayerVersion(b -> b.layerName("testlayer").versionNumber(1L));
        answers(() -> lambda.deleteLayerVersion(b -> b.layerName("testlayer").versionNumber(-1L)), 400,
                "InvalidParameterValueException", "Layer Version Cannot be less than 1");

        // empty lists are lists
        var empty = publish("testlayer-empty", b -> b.compatibleRuntimes(List.<Runtime>of())
                .compatibleArchitectures(List.<Architecture>of()));
        assertThat(empty.compatibleRuntimes()).isEmpty();
        assertThat(empty.hasCompatibleRuntimes()).isTrue();
        assertThat(empty.hasCompatibleArchitectures()).isTrue();

        answers(() -> publish("testlayer-2", b -> b.compatibleRuntimesWithStrings("invalidruntime")
                .compatibleArchitecturesWithStrings("invalidarch")), 400, "ValidationException",
                "2 validation errors detected: Value '[invalidruntime]' at 'compatibleRuntimes' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: " + RUNTIMES + "; Value '[invalidarch]' at"
                        + " 'compatibleArchitectures' failed to satisfy constraint: " + ARCHITECTURES);
        answers(() -> publish("testlayer-2", b -> b.compatibleRuntimesWithStrings("invalidruntime", "invalidruntime2",
                        "nodejs20.x").compatibleArchitecturesWithStrings("invalidarch", "x86_64")), 400,
                "ValidationException", "2 validation errors detected: Value '[invalidruntime, invalidruntime2,"
                        + " nodejs20.x]' at 'compatibleRuntimes' failed to satisfy constraint: Member must satisfy enum"
                        + " value set: " + RUNTIMES + "; Value '[invalidarch, x86_64]' at 'compatibleArchitectures'"
                        + " failed to satisfy constraint: " + ARCHITECTURES);
    }

    // test_layer_compatibilities (recorded 2026-01-12): deprecated runtimes may be named
    @Test
    void compatibleRuntimesMayNameDeprecatedRuntimes() {
        for (List<String> runtimes : List.of(
                List.of("nodejs24.x", "nodejs22.x", "nodejs20.x", "nodejs18.x", "nodejs16.x", "nodejs14.x",
                        "nodejs12.x", "python3.14", "python3.13", "python3.12", "python3.11", "python3.10", "python3.9",
                        "python3.8", "python3.7"),
                List.of("java25", "java21", "java17", "java11", "java8.al2", "java8", "dotnet10", "dotnet8", "dotnet6",
                        "dotnetcore3.1", "go1.x", "ruby3.4", "ruby3.3", "ruby3.2", "ruby2.7"),
                List.of("provided.al2023", "provided.al2", "provided"))) {
            var published = publish("compat", b -> b.compatibleRuntimesWithStrings(runtimes)
                    .compatibleArchitectures(Architecture.ARM64, Architecture.X86_64));
            assertThat(published.compatibleRuntimesAsStrings()).isEqualTo(runtimes);
            assertThat(published.compatibleArchitectures()).containsExactly(Architecture.ARM64, Architecture.X86_64);
        }
    }

    // test_layer_lifecycle; list items leave out what was never set (moto's AWS-verified test_list_lambda_layers)
    @Test
    void versionsAreListedNewestFirstAndOutliveNothingButTheirFunctions() {
        lambda.createFunction(createRequest("with-layer", zip("a", "b")).build());
        for (int i = 0; i < 2; i++) {
            publish("lifecycle", b -> b.description("a layer").licenseInfo("MIT")
                    .compatibleRuntimes(Runtime.PYTHON3_12).compatibleArchitectures(Architecture.X86_64));
        }
        var updated = lambda.updateFunctionConfiguration(b -> b.functionName("with-layer")
                .layers(LAYER_ARN + "lifecycle:1"));
        assertThat(updated.layers()).singleElement().satisfies(l -> {
            assertThat(l.arn()).isEqualTo(LAYER_ARN + "lifecycle:1");
            assertThat(l.codeSize()).isEqualTo(LAYER.length);
        });
        var got = lambda.getLayerVersion(b -> b.layerName("lifecycle").versionNumber(1L));
        assertThat(got.licenseInfo()).isEqualTo("MIT");
        assertThat(got.content().codeSize()).isEqualTo(LAYER.length);
        assertThat(lambda.getLayerVersionByArn(b -> b.arn(LAYER_ARN + "lifecycle:1")).version()).isEqualTo(1L);
        List<LayerVersionsListItem> listed = lambda.listLayerVersions(b -> b.layerName("lifecycle")).layerVersions();
        assertThat(listed).extracting(LayerVersionsListItem::version).containsExactly(2L, 1L);
        assertThat(listed).allSatisfy(v -> {
            assertThat(v.description()).isEqualTo("a layer");
            assertThat(v.licenseInfo()).isEqualTo("MIT");
        });
        lambda.deleteLayerVersion(b -> b.layerName("lifecycle").versionNumber(1L));
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("with-layer")).layers())
                .extracting(l -> l.arn()).containsExactly(LAYER_ARN + "lifecycle:1");
        lambda.deleteLayerVersion(b -> b.layerName("lifecycle").versionNumber(2L));
        assertThat(lambda.listLayerVersions(b -> b.layerName("lifecycle")).layerVersions()).isEmpty();
        assertThat(publish("lifecycle", b -> b.compatibleRuntimes(Runtime.PYTHON3_12)).version()).isEqualTo(3L);

        publish("bare", b -> b.compatibleRuntimes(Runtime.PYTHON3_13).licenseInfo("MIT"));
        var bare = lambda.listLayerVersions(b -> b.layerName("bare")).layerVersions().get(0);
        assertThat(bare.description()).as("never set").isNull();
        assertThat(bare.hasCompatibleArchitectures()).as("never set").isFalse();
        assertThat(bare.compatibleRuntimesAsStrings()).containsExactly("python3.13");
    }

    // test_layer_s3_content
    @Test
    void aLayerFromS3HasOnlyWhatWasGiven() {
        try (var s3 = EmulatorFixture.s3(emulator)) {
            s3.createBucket(b -> b.bucket("layers"));
            s3.putObject(b -> b.bucket("layers").key("layer.zip"),
                    RequestBody.fromBytes(LAYER));
        }
        var published = lambda.publishLayerVersion(b -> b.layerName("from-s3")
                .content(c -> c.s3Bucket("layers").s3Key("layer.zip")));
        assertThat(published.description()).isEmpty();
        assertThat(published.hasCompatibleRuntimes()).isFalse();
        assertThat(published.hasCompatibleArchitectures()).isFalse();
        assertThat(published.content().codeSize()).isEqualTo(LAYER.length);
    }

    // test_layer_function_exceptions, test_layer_function_quota_exception
    @Test
    void aFunctionsLayersAreCheckedAsAwsChecksThem() throws Exception {
        for (int i = 0; i < 3; i++) {
            publish("shared", b -> b.compatibleRuntimes(List.<Runtime>of())
                    .compatibleArchitectures(Architecture.X86_64));
        }
        lambda.createFunction(createRequest("fn", zip("a", "b")).build());
        String v1 = LAYER_ARN + "shared:1";
        String v2 = LAYER_ARN + "shared:2";
        String twoVersions = "Two different versions of the same layer are not allowed to be referenced in the same"
                + " function. ";
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").layers(v1, v2)), 400,
                "InvalidParameterValueException", twoVersions + v1 + " and " + v2 + " are versions of the same layer.");
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").layers(v1, v2,
                LAYER_ARN + "shared:3")), 400, "InvalidParameterValueException", twoVersions + v1 + " and " + v2
                        + " are versions of the same layer.");
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").layers(v1, v1)), 400,
                "InvalidParameterValueException", twoVersions + v1 + " and " + v1 + " are versions of the same layer.");
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").layers(LAYER_ARN + "doesnotexist:1")),
                400, "InvalidParameterValueException", "Layer version " + LAYER_ARN + "doesnotexist:1 does not exist.");
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").layers(LAYER_ARN + "shared:9")),
                400, "InvalidParameterValueException", "Layer version " + LAYER_ARN + "shared:9 does not exist.");
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").layers(LAYER_ARN + "shared")), 400,
                "ValidationException", "1 validation error detected: Value '[" + LAYER_ARN + "shared]' at 'layers'"
                        + " failed to satisfy constraint: Member must satisfy constraint: [Member must have length less"
                        + " than or equal to 2048, Member must have length greater than or equal to 1, Member must"
                        + " satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|"
                        + "(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+)|(arn:[a-zA-Z0-9-]+:lambda:"
                        + "::awslayer:[a-zA-Z0-9-_]+), Member must not be null]");
        try (LambdaClient west = EmulatorFixture.lambda(emulator::endpoint, "eu-west-1")) {
            String elsewhere = west.publishLayerVersion(b -> b.layerName("shared")
                    .content(c -> c.zipFile(SdkBytes.fromByteArray(LAYER)))).layerVersionArn();
            // the layer is checked before the name, which is in use (the recorded test creates "fn" again)
            answers(() -> lambda.createFunction(createRequest("fn", zip("a", "b")).layers(elsewhere).build()), 400,
                    "InvalidParameterValueException", "Layers are not in the same region as the function. Layers are"
                            + " expected to be in region us-east-1.");
        }
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(publish("quota-" + i, b -> { }).layerVersionArn());
        }
        answers(() -> lambda.createFunction(createRequest("fn-6", zip("a", "b")).layers(six).build()), 400,
                "InvalidParameterValueException", "Cannot reference more than 5 layers.");
    }

    // test_layer_policy_exceptions, test_layer_policy_lifecycle
    @Test
    void layerPermissionsAnswerAsAws() {
        publish("policy", b -> b.compatibleRuntimes(Runtime.PYTHON3_12));
        answers(() -> lambda.getLayerVersionPolicy(b -> b.layerName("policy").versionNumber(1L)), 404,
                "ResourceNotFoundException", "No policy is associated with the given resource.");
        var added = lambda.addLayerVersionPermission(b -> b.layerName("policy").versionNumber(1L).statementId("s1")
                .action("lambda:GetLayerVersion").principal("*"));
        assertThat(added.statement()).isEqualTo("{\"Sid\":\"s1\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
                + "\"lambda:GetLayerVersion\",\"Resource\":\"" + LAYER_ARN + "policy:1\"}");
        answers(() -> lambda.addLayerVersionPermission(b -> b.layerName("policy").versionNumber(1L).statementId("s2")
                .action("*").principal("*")), 400, "ValidationException", "1 validation error detected: Value '*' at"
                        + " 'action' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                        + " lambda:GetLayerVersion");
        answers(() -> lambda.addLayerVersionPermission(b -> b.layerName("policy").versionNumber(1L).statementId("s1")
                .action("lambda:GetLayerVersion").principal("*")), 409, "ResourceConflictException", "The statement id"
                        + " (s1) provided already exists. Please provide a new statement id, or remove the existing"
                        + " statement.");
        String staleRevision = "The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy"
                + " API to retrieve the latest Revision Id";
        answers(() -> lambda.addLayerVersionPermission(b -> b.layerName("policy").versionNumber(1L).statementId("s2")
                .action("lambda:GetLayerVersion").principal("*").revisionId("wrong")), 412,
                "PreconditionFailedException", staleRevision);
        for (String[] missing : new String[][] {{"policy-doesnotexist", "1"}, {"policy", "2"}}) {
            String message = "Layer version " + LAYER_ARN + missing[0] + ":" + missing[1] + " does not exist.";
            long version = Long.parseLong(missing[1]);
            answers(() -> lambda.addLayerVersionPermission(b -> b.layerName(missing[0]).versionNumber(version)
                    .statementId("s2").action("lambda:GetLayerVersion").principal("*")), 404,
                    "ResourceNotFoundException", message);
            answers(() -> lambda.getLayerVersionPolicy(b -> b.layerName(missing[0]).versionNumber(version)), 404,
                    "ResourceNotFoundException", message);
            answers(() -> lambda.removeLayerVersionPermission(b -> b.layerName(missing[0]).versionNumber(version)
                    .statementId("s1")), 404, "ResourceNotFoundException", message);
        }
        answers(() -> lambda.removeLayerVersionPermission(b -> b.layerName("policy").versionNumber(1L)
                .statementId("doesnotexist")), 404, "ResourceNotFoundException", "Statement doesnotexist is not found"
                        + " in resource policy.");
        answers(() -> lambda.removeLayerVersionPermission(b -> b.layerName("policy").versionNumber(1L)
                .statementId("s1").revisionId("wrong")), 412, "PreconditionFailedException", staleRevision);

        var second = lambda.addLayerVersionPermission(b -> b.layerName("policy").versionNumber(1L).statementId("s2")
                .action("lambda:GetLayerVersion").principal("*").revisionId(added.revisionId()));
        var policy = lambda.getLayerVersionPolicy(b -> b.layerName("policy").versionNumber(1L));
        assertThat(policy.revisionId()).isEqualTo(second.revisionId());
        assertThat(policy.policy()).startsWith("{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[")
                .contains("\"Sid\":\"s1\"", "\"Sid\":\"s2\"");
        lambda.removeLayerVersionPermission(b -> b.layerName("policy").versionNumber(1L).statementId("s2"));
        var afterRemove = lambda.getLayerVersionPolicy(b -> b.layerName("policy").versionNumber(1L));
        assertThat(afterRemove.revisionId()).isNotEqualTo(second.revisionId());
        assertThat(afterRemove.policy()).doesNotContain("\"Sid\":\"s2\"");
    }
}
