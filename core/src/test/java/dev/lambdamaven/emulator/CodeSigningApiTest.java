package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsErrors.ARN;
import static dev.lambdamaven.emulator.AwsErrors.assertAwsError;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.CodeSigningConfig;
import software.amazon.awssdk.services.lambda.model.CodeSigningPolicy;

/**
 * Code signing configs and the config a function uses, through the SDK, against AWS's answers recorded in
 * LocalStack's {@code test_lambda_api.snapshot.json}: TestCodeSigningConfig::test_function_code_signing_config and
 * ::test_code_signing_not_found_excs (25-11-2025).
 */
class CodeSigningApiTest extends EmulatorTestBase {

    private static final String PROFILE = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/test";

    private CodeSigningConfig config;

    @BeforeEach
    void createConfig() {
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
        config = lambda.createCodeSigningConfig(b -> b.description("Testing CodeSigning Config")
                .allowedPublishers(p -> p.signingProfileVersionArns(PROFILE))
                .codeSigningPolicies(p -> p.untrustedArtifactOnDeployment(CodeSigningPolicy.ENFORCE)))
                .codeSigningConfig();
    }

    @Test
    void createsUpdatesAttachesAndDeletesConfigs() {
        assertThat(config.codeSigningConfigId()).matches("csc-[a-z0-9]{17}");
        assertThat(config.codeSigningConfigArn()).isEqualTo(ARN + "code-signing-config:" + config.codeSigningConfigId());
        assertThat(config.allowedPublishers().signingProfileVersionArns()).containsExactly(PROFILE);
        assertThat(config.codeSigningPolicies().untrustedArtifactOnDeployment()).isEqualTo(CodeSigningPolicy.ENFORCE);
        assertThat(config.description()).isEqualTo("Testing CodeSigning Config");
        assertThat(config.lastModified()).isNotNull();
        String arn = config.codeSigningConfigArn();
        var updated = lambda.updateCodeSigningConfig(b -> b.codeSigningConfigArn(arn)
                .codeSigningPolicies(p -> p.untrustedArtifactOnDeployment(CodeSigningPolicy.WARN))).codeSigningConfig();
        assertThat(updated.codeSigningPolicies().untrustedArtifactOnDeployment()).isEqualTo(CodeSigningPolicy.WARN);
        assertThat(updated.description()).isEqualTo("Testing CodeSigning Config");
        assertThat(lambda.getCodeSigningConfig(b -> b.codeSigningConfigArn(arn)).codeSigningConfig()).isEqualTo(updated);
        var attached = lambda.putFunctionCodeSigningConfig(b -> b.functionName("fn").codeSigningConfigArn(arn));
        assertThat(attached.codeSigningConfigArn()).isEqualTo(arn);
        assertThat(attached.functionName()).isEqualTo("fn");
        var used = lambda.getFunctionCodeSigningConfig(b -> b.functionName("fn"));
        assertThat(used.codeSigningConfigArn()).isEqualTo(arn);
        assertThat(used.functionName()).isEqualTo("fn");
        assertThat(lambda.listCodeSigningConfigs(b -> { }).codeSigningConfigs()).containsExactly(updated);
        assertThat(lambda.listFunctionsByCodeSigningConfig(b -> b.codeSigningConfigArn(arn)).functionArns())
                .containsExactly(ARN + "function:fn");
        assertAwsError(() -> lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(arn)), 409,
                "ResourceConflictException", "The code signing configuration cannot be deleted because it is used by one"
                        + " or more functions.");
        lambda.deleteFunctionCodeSigningConfig(b -> b.functionName("fn"));
        lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(arn));
        assertThat(lambda.listCodeSigningConfigs(b -> { }).codeSigningConfigs()).isEmpty();
    }

    @Test
    void answersAwsErrors() {
        String arn = config.codeSigningConfigArn();
        String missing = arn.substring(0, arn.length() - 1) + (arn.endsWith("x") ? "y" : "x");
        String notFound = "The Lambda code signing configuration " + missing + " can not be found.";
        assertAwsError(() -> lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(missing)), 404,
                "ResourceNotFoundException", notFound);
        lambda.deleteFunctionCodeSigningConfig(b -> b.functionName("fn")); // nothing to delete: 204
        String noFunction = "Function not found: " + ARN + "function:csc-test-doesnotexist";
        assertAwsError(() -> lambda.deleteFunctionCodeSigningConfig(b -> b.functionName("csc-test-doesnotexist")),
                404, "ResourceNotFoundException", noFunction);
        assertAwsError(() -> lambda.putFunctionCodeSigningConfig(b -> b.functionName("csc-test-doesnotexist")
                .codeSigningConfigArn(arn)), 404, "ResourceNotFoundException", noFunction);
        String noConfig = "The code signing configuration cannot be found. Check that the provided configuration is not"
                + " deleted: " + missing + ".";
        assertAwsError(() -> lambda.putFunctionCodeSigningConfig(b -> b.functionName("fn")
                .codeSigningConfigArn(missing)), 404, "CodeSigningConfigNotFoundException", noConfig);
        assertAwsError(() -> lambda.putFunctionCodeSigningConfig(b -> b.functionName("csc-test-doesnotexist")
                .codeSigningConfigArn(missing)), 404, "CodeSigningConfigNotFoundException", noConfig);
        assertAwsError(() -> lambda.updateCodeSigningConfig(b -> b.codeSigningConfigArn(missing)
                .description("new-description")), 404, "ResourceNotFoundException", notFound);
        assertAwsError(() -> lambda.updateCodeSigningConfig(b -> b.codeSigningConfigArn(missing)), 404,
                "ResourceNotFoundException", notFound);
        assertThat(lambda.updateCodeSigningConfig(b -> b.codeSigningConfigArn(arn)).codeSigningConfig()
                .codeSigningPolicies().untrustedArtifactOnDeployment()).isEqualTo(CodeSigningPolicy.ENFORCE);
        assertAwsError(() -> lambda.getCodeSigningConfig(b -> b.codeSigningConfigArn(missing)), 404,
                "ResourceNotFoundException", notFound);
        var none = lambda.getFunctionCodeSigningConfig(b -> b.functionName("fn"));
        assertThat(none.codeSigningConfigArn()).isNull();
        assertThat(none.functionName()).isNull();
        assertAwsError(() -> lambda.getFunctionCodeSigningConfig(b -> b.functionName("csc-test-doesnotexist")), 404,
                "ResourceNotFoundException", noFunction);
        assertThat(lambda.listFunctionsByCodeSigningConfig(b -> b.codeSigningConfigArn(arn)).functionArns()).isEmpty();
        assertAwsError(() -> lambda.listFunctionsByCodeSigningConfig(b -> b.codeSigningConfigArn(missing)), 404,
                "ResourceNotFoundException", notFound);
    }

    @Test
    void checksTheApiReferencesConstraints() {
        assertAwsError(() -> lambda.createCodeSigningConfig(b -> b.allowedPublishers(p -> p
                .signingProfileVersionArns("not-an-arn")).codeSigningPolicies(p -> p
                .untrustedArtifactOnDeployment("Sometimes"))), 400, "ValidationException", "2 validation errors"
                        + " detected: Value '[not-an-arn]' at 'allowedPublishers.signingProfileVersionArns' failed to"
                        + " satisfy constraint: Member must satisfy constraint: [Member must satisfy regular expression"
                        + " pattern: arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:"
                        + "(\\d{12})?:(.*)]; Value 'Sometimes' at 'codeSigningPolicies.untrustedArtifactOnDeployment'"
                        + " failed to satisfy constraint: Member must satisfy enum value set: [Warn, Enforce]");
        assertAwsError(() -> lambda.getCodeSigningConfig(b -> b.codeSigningConfigArn("csc-123")), 400,
                "ValidationException", "1 validation error detected: Value 'csc-123' at 'codeSigningConfigArn' failed"
                        + " to satisfy constraint: Member must satisfy regular expression pattern: arn:"
                        + "(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:"
                        + "code-signing-config:csc-[a-z0-9]{17}");
    }

    @Test
    void createFunctionNamesItsConfigAndDeleteFunctionReleasesIt() {
        String arn = config.codeSigningConfigArn();
        lambda.createFunction(createRequest("signed", zip("a", "1")).codeSigningConfigArn(arn).build());
        assertThat(lambda.getFunctionCodeSigningConfig(b -> b.functionName("signed")).codeSigningConfigArn())
                .isEqualTo(arn);
        String missing = arn.substring(0, arn.length() - 1) + (arn.endsWith("x") ? "y" : "x");
        assertAwsError(() -> lambda.createFunction(createRequest("unsigned", zip("a", "1")).codeSigningConfigArn(missing)
                .build()), 404, "CodeSigningConfigNotFoundException", "The code signing configuration cannot be found."
                        + " Check that the provided configuration is not deleted: " + missing + ".");
        assertAwsError(() -> lambda.getFunction(b -> b.functionName("unsigned")), 404, "ResourceNotFoundException",
                "Function not found: " + ARN + "function:unsigned");
        lambda.deleteFunction(b -> b.functionName("signed"));
        lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(arn));
    }

    @Test
    void configsTakeTags() {
        String arn = lambda.createCodeSigningConfig(b -> b.allowedPublishers(p -> p.signingProfileVersionArns(PROFILE))
                .tags(Map.of("team", "orders"))).codeSigningConfig().codeSigningConfigArn();
        lambda.tagResource(b -> b.resource(arn).tags(Map.of("env", "dev")));
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsOnly(Map.entry("team", "orders"),
                Map.entry("env", "dev"));
        lambda.untagResource(b -> b.resource(arn).tagKeys("team"));
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsOnly(Map.entry("env", "dev"));
        lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(arn));
        assertAwsError(() -> lambda.listTags(b -> b.resource(arn)), 404, "ResourceNotFoundException",
                "The Lambda code signing configuration " + arn + " can not be found.");
    }
}
