package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsAnswers.answers;
import static dev.lambdamaven.emulator.AwsAnswers.failures;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FileSystemConfig;

/**
 * Settings whose answers are not in the recordings of AWS: DeadLetterConfig, FileSystemConfigs, KMSKeyArn, several
 * front-end failures in one request, container images. Their constraints are the API model's (botocore's
 * {@code lambda/2015-03-31/service-2.json}, the API reference's "Length Constraints" and "Pattern"), their shapes
 * the API reference's FunctionConfiguration; the failure form is the one recorded for other members.
 */
class FunctionSettingsApiTest extends EmulatorTestBase {

    private static final byte[] CODE = zip("index.py", "x = 1");
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:dead-letters";
    private static final String ACCESS_POINT = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/"
            + "fsap-0123456789abcdef0";

    @Test
    void deadLetterConfigFileSystemsAndKmsKeyAreStoredAndReturned() {
        var created = lambda.createFunction(createRequest("settings", CODE).deadLetterConfig(d -> d.targetArn(QUEUE))
                .fileSystemConfigs(FileSystemConfig.builder().arn(ACCESS_POINT).localMountPath("/mnt/data").build())
                .kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/1234").build());
        assertThat(created.deadLetterConfig().targetArn()).isEqualTo(QUEUE);
        assertThat(created.fileSystemConfigs()).containsExactly(FileSystemConfig.builder().arn(ACCESS_POINT)
                .localMountPath("/mnt/data").build());
        var read = lambda.getFunctionConfiguration(b -> b.functionName("settings"));
        assertThat(read.deadLetterConfig().targetArn()).isEqualTo(QUEUE);
        assertThat(read.fileSystemConfigs()).hasSize(1);
        assertThat(read.kmsKeyArn()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/1234");
        // empty values remove them, as UpdateFunctionConfiguration documents for TargetArn and KMSKeyArn
        var cleared = lambda.updateFunctionConfiguration(b -> b.functionName("settings")
                .deadLetterConfig(d -> d.targetArn("")).fileSystemConfigs(List.of()).kmsKeyArn(""));
        assertThat(cleared.deadLetterConfig()).isNull();
        assertThat(cleared.hasFileSystemConfigs()).isFalse();
        assertThat(cleared.kmsKeyArn()).isNull();
        assertThat(lambda.publishVersion(b -> b.functionName("settings")).deadLetterConfig()).isNull();
    }

    @Test
    void everyFrontEndFailureOfARequestIsAnsweredAtOnce() {
        failures(() -> lambda.createFunction(createRequest("many", CODE).timeout(0).memorySize(64)
                        .deadLetterConfig(d -> d.targetArn("not-an-arn"))
                        .fileSystemConfigs(FileSystemConfig.builder().arn(ACCESS_POINT).localMountPath("/data").build())
                        .ephemeralStorage(e -> e.size(100)).build()),
                "ValidationException",
                "Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
                "Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal"
                        + " to 128",
                "Value 'not-an-arn' at 'deadLetterConfig.targetArn' failed to satisfy constraint: Member must satisfy"
                        + " regular expression pattern: (arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()",
                "Value '/data' at 'fileSystemConfigs.1.member.localMountPath' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: /mnt/[a-zA-Z0-9-_.]+",
                "Value '100' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value greater"
                        + " than or equal to 512");
        // the model allows 32768 MB; an account's limit is 10240, checked after the front end, as AWS answers above
        // an account's limit (quoted in alexcasalboni/aws-lambda-power-tuning#181, for a 3008 MB limit)
        answers(() -> lambda.createFunction(createRequest("big", CODE).memorySize(10_241).build()), 400,
                "InvalidParameterValueException", "'MemorySize' value failed to satisfy constraint: Member must have"
                        + " value less than or equal to 10240");
    }

    @Test
    void containerImagesAreRefusedInAwsWordsAndSayWhy() {
        var refused = AwsAnswers.error(() -> lambda.createFunction(b -> b.functionName("image").packageType("Image")
                .role(EmulatorFixture.ROLE).code(c -> c.imageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"))));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        // AWS's answer for an image it cannot use, quoted in ministryofjustice/modernisation-platform#2419
        assertThat(refused.awsErrorDetails().errorMessage()).startsWith("Source image"
                + " 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1 is not valid. Provide a valid source image.")
                .contains("no container image registry");
        assertThat(lambda.listFunctions().functions()).isEmpty();
        // TestLambdaImages::test_lambda_zip_file_to_image
        lambda.createFunction(createRequest("zip", CODE).build());
        answers(() -> lambda.updateFunctionCode(b -> b.functionName("zip").imageUri("repo/app:1")), 400,
                "InvalidParameterValueException", "Please don't provide ImageUri when updating a function with"
                        + " packageType Zip.");
    }
}
