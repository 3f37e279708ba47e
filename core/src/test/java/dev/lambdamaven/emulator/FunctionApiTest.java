package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;

/**
 * The function API against the emulator through the SDK. Each pinned AWS message names its source: "LocalStack"
 * is AWS's answer recorded in {@value EmulatorTestBase#LOCALSTACK_SNAPSHOTS} under the named test; a GitHub link
 * quotes an answer a user got from AWS; "emulator's own" texts are listed in docs/emulator.md.
 */
class FunctionApiTest extends EmulatorTestBase {




    /** A DryRun changes nothing, so it answers the function as it is: not an update under way. */
    @Test
    void dryRunAnswersTheFunctionAsItIs() {
        lambda.createFunction(createRequest("dry", zip("a", "b")).build());
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("dry"));
        var answer = lambda.updateFunctionCode(b -> b.functionName("dry").dryRun(true)
                .zipFile(SdkBytes.fromByteArray(zip("a", "c"))));
        assertThat(answer.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(answer.codeSha256()).isEqualTo(lambda.getFunctionConfiguration(b -> b.functionName("dry"))
                .codeSha256());
    }

    @Test
    void createsAndGetsAFunctionWithCodeShaAndSize() throws Exception {
        byte[] zip = zip("example/Handler.class", "x");
        CreateFunctionResponse created = lambda.createFunction(createRequest("orders", zip).memorySize(512)
                .environment(Environment.builder().variables(Map.of("TABLE", "orders")).build()).build());

        String sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip));
        assertThat(created.codeSha256()).isEqualTo(sha);
        assertThat(created.codeSize()).isEqualTo(zip.length);
        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders");
        assertThat(created.version()).isEqualTo("$LATEST");

        GetFunctionResponse got = lambda.getFunction(b -> b.functionName("orders"));
        assertThat(got.configuration().state()).isEqualTo(State.ACTIVE);
        assertThat(got.configuration().lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(got.configuration().memorySize()).isEqualTo(512);
        assertThat(got.configuration().timeout()).isEqualTo(3);
        assertThat(got.configuration().environment().variables()).containsEntry("TABLE", "orders");
        assertThat(got.code().location()).startsWith(emulator.endpoint().toString());
    }

    @Test
    void acceptsNamesPartialArnsAndFullArnsWithQualifiers() {
        lambda.createFunction(createRequest("fn", zip("a", "b")).publish(true).build());
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("123456789012:function:fn")).version())
                .isEqualTo("$LATEST");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(
                "arn:aws:lambda:us-east-1:123456789012:function:fn:1")).version()).isEqualTo("1");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("fn").qualifier("$LATEST")).version())
                .isEqualTo("$LATEST");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("fn:1")).functionArn())
                .endsWith(":function:fn:1");
    }

    @Test
    void missingFunctionIs404WithAwsMessage() {
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    // AWS: LocalStack (test_lambda), TestLambdaFeatures::test_invoke_exceptions
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void duplicateCreateIsAConflict() {
        lambda.createFunction(createRequest("dup", zip("a", "b")).build());
        // AWS: https://github.com/hashicorp/terraform-provider-aws/issues/1524 (409, with AWS's request id)
        assertThatThrownBy(() -> lambda.createFunction(createRequest("dup", zip("a", "b")).build()))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("Function already exist: dup");
    }

    @Test
    void validatesLimitsWithAwsMessages() {
        assertThatThrownBy(() -> lambda.createFunction(createRequest("m", zip("a", "b")).memorySize(64).build()))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    // AWS's validation format (LocalStack, test_function_arns: "... at 'functionName' failed to
                    // satisfy constraint: ..."); the range is the API reference's (CreateFunction, MemorySize 128-10240)
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value"
                            + " '64' at 'memorySize' failed to satisfy constraint: Member must have value greater"
                            + " than or equal to 128");
                });
        // AWS's validation format; 900 s is Lambda's documented maximum timeout (API reference: Timeout)
        assertThatThrownBy(() -> lambda.createFunction(createRequest("t", zip("a", "b")).timeout(901).build()))
                .hasMessageContaining("Member must have value less than or equal to 900");
        // AWS: LocalStack, TestLambdaFunction::test_create_lambda_exceptions ("Value 'r1' at 'role' failed ...")
        assertThatThrownBy(() -> lambda.createFunction(createRequest("r", zip("a", "b")).role("bad").build()))
                .hasMessageContaining("at 'role' failed to satisfy constraint");
        assertThatThrownBy(() -> lambda.createFunction(createRequest("d", zip("a", "b")).runtime("java8").build()))
                .isInstanceOf(InvalidParameterValueException.class)
                // AWS: LocalStack, test_create_deprecated_function_runtime_with_validation_enabled[java8]
                .hasMessageContaining("The runtime parameter of java8 is no longer supported for creating or updating"
                        + " AWS Lambda functions. We recommend you use a supported runtime while creating or updating"
                        + " functions.");
        // AWS: LocalStack, TestLambdaFunction::test_function_arns
        assertThatThrownBy(() -> lambda.createFunction(createRequest("bad name", zip("a", "b")).build()))
                .hasMessageContaining("at 'functionName' failed to satisfy constraint");
        assertThatThrownBy(() -> lambda.createFunction(createRequest("e", zip("a", "b")).environment(
                Environment.builder().variables(Map.of("AWS_REGION", "x")).build()).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                // AWS: https://github.com/mattermost/mattermost-cloud-monitoring/pull/264
                .hasMessageContaining("Lambda was unable to configure your environment variables because the"
                        + " environment variables you have provided contains reserved keys that are currently not"
                        + " supported for modification. Reserved keys used in this request: AWS_REGION");
        assertThatThrownBy(() -> lambda.createFunction(createRequest("big", zip("a", "b")).environment(
                Environment.builder().variables(Map.of("KEY", "v".repeat(5000))).build()).build()))
                // AWS's text, the variables echoed (LocalStack, test_large_environment_variables_fails)
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Lambda was unable to"
                        + " configure your environment variables because the environment variables you have provided"
                        + " exceeded the 4KB limit. String measured: {\"KEY\":\"vvvv");
        assertThatThrownBy(() -> lambda.createFunction(createRequest("s", zip("a", "b"))
                // AWS's validation format; the range is the API reference's (EphemeralStorage.Size 512-10240)
                .ephemeralStorage(b -> b.size(100)).build())).hasMessageContaining("1 validation error detected:"
                        + " Value '100' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value"
                        + " greater than or equal to 512");
    }

    @Test
    void rejectsInvalidZipsZipSlipAndEmptyZips() {
        assertThatThrownBy(() -> lambda.createFunction(createRequest("z1", "not a zip".getBytes()).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                // AWS: LocalStack, TestLambdaFunction::test_create_lambda_exceptions ("invalid_zip_exc")
                .hasMessageContaining("Could not unzip uploaded file. Please check your file, then try to upload again.");
        assertThatThrownBy(() -> lambda.createFunction(createRequest("z2", zip("../evil", "x")).build()))
                // AWS's unzip text, then the entry named: emulator's own wording (AWS's answer to such a zip is unrecorded)
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Could not unzip uploaded"
                        + " file. Please check your file, then try to upload again. (entry '../evil' would be extracted"
                        + " outside the function's directory)");
        assertThatThrownBy(() -> lambda.createFunction(createRequest("z3", zip()).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                // AWS: https://github.com/aws/aws-cdk/issues/12536 (CreateFunction with an empty zip)
                .hasMessageContaining("Uploaded file must be a non-empty zip");
    }

    @Test
    void rejectsZipBombsByInflatedSizeNotDeclaredSize() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            out.setLevel(9);
            out.putNextEntry(new java.util.zip.ZipEntry("zeros.bin"));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 251; i++) {
                out.write(block);
            }
            out.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(1 << 20);
        assertThatThrownBy(() -> lambda.createFunction(createRequest("bomb", bytes.toByteArray()).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                // AWS: LocalStack, TestLambdaSizeLimits::test_oversized_lambda
                .hasMessageContaining("Unzipped size must be smaller than 262144000 bytes");
    }

    @Test
    void updatesCodeAndConfigurationAndChecksRevisionIds() {
        String revision = lambda.createFunction(createRequest("u", zip("a", "1")).build()).revisionId();
        String settled = lambda.getFunctionConfiguration(b -> b.functionName("u")).revisionId();
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("u").timeout(10)
                .revisionId("00000000-0000-0000-0000-000000000000")))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    // AWS: LocalStack, TestLambdaVersions::test_publish_with_wrong_revisionid
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Revision Id provided does not match"
                            + " the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest"
                            + " Revision Id");
                });
        var updated = lambda.updateFunctionConfiguration(b -> b.functionName("u").timeout(10).revisionId(settled));
        assertThat(updated.timeout()).isEqualTo(10);
        assertThat(updated.revisionId()).isNotIn(revision, settled);

        byte[] newZip = zip("a", "2");
        var code = lambda.updateFunctionCode(b -> b.functionName("u").zipFile(SdkBytes.fromByteArray(newZip)));
        assertThat(code.codeSize()).isEqualTo(newZip.length);
        assertThat(code.timeout()).isEqualTo(10);
    }

    @Test
    void publishIsANoOpWhenNothingChangedAndNumbersAreNeverReused() {
        lambda.createFunction(createRequest("p", zip("a", "1")).build());
        assertThat(lambda.publishVersion(b -> b.functionName("p")).version()).isEqualTo("1");
        assertThat(lambda.publishVersion(b -> b.functionName("p")).version()).isEqualTo("1");
        byte[] code2 = zip("a", "2");
        lambda.updateFunctionCode(b -> b.functionName("p").zipFile(SdkBytes.fromByteArray(code2)));
        assertThat(lambda.publishVersion(b -> b.functionName("p")).version()).isEqualTo("2");
        lambda.deleteFunction(b -> b.functionName("p").qualifier("2"));
        lambda.updateFunctionConfiguration(b -> b.functionName("p").memorySize(256));
        assertThat(lambda.publishVersion(b -> b.functionName("p")).version()).isEqualTo("3");
        var described = lambda.publishVersion(b -> b.functionName("p").description("release 3"));
        assertThat(described.version()).as("a publish-time description is no change").isEqualTo("3");
        lambda.updateFunctionConfiguration(b -> b.functionName("p").description("orders API"));
        assertThat(lambda.publishVersion(b -> b.functionName("p").description("release 4")).version()).isEqualTo("4");
        String sameCode = lambda.getFunctionConfiguration(b -> b.functionName("p")).codeSha256();
        var republished = lambda.updateFunctionCode(b -> b.functionName("p").publish(true)
                .zipFile(SdkBytes.fromByteArray(code2)));
        assertThat(republished.codeSha256()).isEqualTo(sameCode);
        assertThat(republished.version()).as("Publish on a code update is PublishVersion").isEqualTo("4");
        var changed = lambda.updateFunctionCode(b -> b.functionName("p").publish(true)
                .zipFile(SdkBytes.fromByteArray(zip("a", "5"))));
        assertThat(changed.version()).isEqualTo("5");
        assertThat(lambda.listVersionsByFunction(b -> b.functionName("p")).versions())
                .extracting(v -> v.version()).containsExactly("$LATEST", "1", "3", "4", "5");
        // AWS: LocalStack, TestLambdaVersions::test_publish_with_wrong_sha256
        String current = lambda.getFunctionConfiguration(b -> b.functionName("p")).codeSha256();
        assertThatThrownBy(() -> lambda.publishVersion(b -> b.functionName("p").codeSha256("wrong")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("CodeSHA256 (wrong) is different from current"
                                + " CodeSHA256 in $LATEST (" + current + "). Please try again with the CodeSHA256 in"
                                + " $LATEST."));
    }

    @Test
    void listsFunctionsWithPaginationAndAllVersions() {
        for (int i = 0; i < 5; i++) {
            lambda.createFunction(createRequest("f" + i, zip("a", "b")).publish(true).build());
        }
        var page1 = lambda.listFunctions(b -> b.maxItems(2));
        assertThat(page1.functions()).extracting(f -> f.functionName()).containsExactly("f0", "f1");
        assertThat(page1.nextMarker()).isNotNull();
        var page2 = lambda.listFunctions(b -> b.maxItems(10).marker(page1.nextMarker()));
        assertThat(page2.functions()).extracting(f -> f.functionName()).containsExactly("f2", "f3", "f4");
        assertThat(page2.nextMarker()).isNull();
        assertThat(lambda.listFunctionsPaginator(b -> b.functionVersion(FunctionVersion.ALL)).functions())
                .hasSize(10);
    }

    @Test
    void deletesFunctionsAndVersions() {
        lambda.createFunction(createRequest("del", zip("a", "b")).publish(true).build());
        assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("del").qualifier("$LATEST")))
                .isInstanceOf(InvalidParameterValueException.class);
        lambda.deleteFunction(b -> b.functionName("del").qualifier("1"));
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("del:1")))
                .isInstanceOf(ResourceNotFoundException.class);
        lambda.deleteFunction(b -> b.functionName("del"));
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("del")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
