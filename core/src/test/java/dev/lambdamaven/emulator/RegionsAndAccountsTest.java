package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * State kept per account and region, as AWS keeps it: the region of the request's signature, the account of a
 * 12-digit access key id. Expected texts are AWS's: the cross-region function answer (404) as the AWS SDK for Go
 * printed it in a public project's comments, the layer one as AWS answered a CloudFormation stack ("Layers are not in
 * the same region as the function...", quoted in public documentation), the S3 one from the Lambda developer guide's
 * troubleshooting page (PermanentRedirect), the layer permission one as LocalStack's provider reproduces AWS's.
 */
class RegionsAndAccountsTest {

    private static final String OTHER_ACCOUNT = "210987654321";

    @TempDir
    Path dir;
    Emulator emulator;

    @BeforeEach
    void start() throws Exception {
        emulator = EmulatorFixture.start(dir);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private LambdaClient lambda(String accessKey, Region region) {
        return LambdaClient.builder().endpointOverride(emulator.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "s")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
    }

    @Test
    void oneNameInTwoRegionsIsTwoFunctionsWithTheirOwnArns() {
        try (LambdaClient east = lambda("AKIDEXAMPLE", Region.US_EAST_1);
                LambdaClient west = lambda("AKIDEXAMPLE", Region.EU_WEST_1)) {
            var e = east.createFunction(createRequest("orders", zip("a", "east")).build());
            east.publishVersion(b -> b.functionName("orders"));
            var w = west.createFunction(createRequest("orders", zip("a", "west")).memorySize(256).build());
            assertThat(e.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders");
            assertThat(w.functionArn()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:orders");
            assertThat(east.getFunctionConfiguration(b -> b.functionName("orders")).memorySize()).isEqualTo(128);
            assertThat(west.getFunctionConfiguration(b -> b.functionName("orders")).memorySize()).isEqualTo(256);
            assertThat(east.listVersionsByFunction(b -> b.functionName("orders")).versions()).hasSize(2);
            assertThat(west.listVersionsByFunction(b -> b.functionName("orders")).versions()).hasSize(1);
            west.deleteFunction(b -> b.functionName("orders"));
            assertThat(east.listFunctions().functions()).hasSize(1);
            assertThat(west.listFunctions().functions()).isEmpty();
        }
    }

    @Test
    void aFunctionOfAnotherRegionIsNotReachable() {
        try (LambdaClient east = lambda("AKIDEXAMPLE", Region.US_EAST_1);
                LambdaClient west = lambda("AKIDEXAMPLE", Region.EU_WEST_1)) {
            west.createFunction(createRequest("far", zip("a", "b")).build());
            assertThatThrownBy(() -> east.getFunction(b -> b.functionName(
                    "arn:aws:lambda:eu-west-1:123456789012:function:far")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, ex -> {
                        assertThat(ex.statusCode()).isEqualTo(404);
                        assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(
                                "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')");
                    });
        }
    }

    @Test
    void accountsAreApartAndTheirArnsSaySo() {
        try (LambdaClient mine = lambda("AKIDEXAMPLE", Region.US_EAST_1);
                LambdaClient theirs = lambda(OTHER_ACCOUNT, Region.US_EAST_1)) {
            var created = theirs.createFunction(createRequest("shared-name", zip("a", "b")).build());
            assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:" + OTHER_ACCOUNT
                    + ":function:shared-name");
            assertThat(mine.listFunctions().functions()).isEmpty();
            assertThatThrownBy(() -> mine.getFunction(b -> b.functionName("shared-name")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void layersMustBeOfTheFunctionsRegionAndSharedWhenOfAnotherAccount() {
        try (LambdaClient east = lambda("AKIDEXAMPLE", Region.US_EAST_1);
                LambdaClient west = lambda("AKIDEXAMPLE", Region.EU_WEST_1);
                LambdaClient vendor = lambda(OTHER_ACCOUNT, Region.US_EAST_1)) {
            String westLayer = west.publishLayerVersion(b -> b.layerName("libs").content(c -> c.zipFile(
                    SdkBytes.fromByteArray(zip("java/lib/a.jar", "a"))))).layerVersionArn();
            assertThatThrownBy(() -> east.createFunction(createRequest("fn", zip("a", "b")).layers(westLayer).build()))
                    .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("Layers are not in the same region as the"
                                    + " function. Layers are expected to be in region us-east-1."));

            var published = vendor.publishLayerVersion(b -> b.layerName("extension").content(c -> c.zipFile(
                    SdkBytes.fromByteArray(zip("extensions/x", "x")))));
            String vendorLayer = published.layerVersionArn();
            assertThat(vendorLayer).isEqualTo("arn:aws:lambda:us-east-1:" + OTHER_ACCOUNT + ":layer:extension:1");
            assertThatThrownBy(() -> east.createFunction(createRequest("fn", zip("a", "b")).layers(vendorLayer).build()))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).endsWith("is not authorized to perform:"
                                + " lambda:GetLayerVersion on resource: " + vendorLayer + " because no resource-based"
                                + " policy allows the lambda:GetLayerVersion action");
                    });
            vendor.addLayerVersionPermission(b -> b.layerName("extension").versionNumber(1L).statementId("public")
                    .action("lambda:GetLayerVersion").principal("*"));
            var fn = east.createFunction(createRequest("fn", zip("a", "b")).layers(vendorLayer).build());
            assertThat(fn.layers()).extracting(l -> l.arn()).containsExactly(vendorLayer);
            assertThat(east.getLayerVersionByArn(b -> b.arn(vendorLayer)).version()).isEqualTo(1L);
        }
    }

    @Test
    void codeMustComeFromABucketOfTheFunctionsRegion() {
        try (S3Client s3 = S3Client.builder().endpointOverride(emulator.endpoint()).region(Region.EU_WEST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "s"))).build();
                LambdaClient east = lambda("AKIDEXAMPLE", Region.US_EAST_1);
                LambdaClient west = lambda("AKIDEXAMPLE", Region.EU_WEST_1)) {
            s3.createBucket(b -> b.bucket("west-code").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
            s3.putObject(b -> b.bucket("west-code").key("fn.zip"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(zip("a", "b")));
            assertThatThrownBy(() -> east.createFunction(createRequest("fn", zip("a", "b"))
                    .code(c -> c.s3Bucket("west-code").s3Key("fn.zip")).build()))
                    .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("Error occurred while GetObject. S3 Error"
                                    + " Code: PermanentRedirect. S3 Error Message: The bucket is in this region:"
                                    + " eu-west-1. Please use this region to retry the request"));
            assertThat(west.createFunction(createRequest("fn", zip("a", "b"))
                    .code(c -> c.s3Bucket("west-code").s3Key("fn.zip")).build()).codeSize()).isPositive();
        }
    }

    @Test
    void eachRegionHasItsOwnNetwork() {
        try (Ec2Client west = Ec2Client.builder().endpointOverride(emulator.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s")))
                .build();
                LambdaClient east = lambda("AKIDEXAMPLE", Region.US_EAST_1)) {
            var subnets = west.describeSubnets().subnets();
            assertThat(subnets).extracting(s -> s.availabilityZone()).containsExactlyInAnyOrder("eu-west-1a",
                    "eu-west-1b", "eu-west-1c");
            String westSubnet = subnets.get(0).subnetId();
            assertThat(westSubnet).isNotEqualTo(VpcTest.SUBNET);
            assertThatThrownBy(() -> east.createFunction(createRequest("vpc", zip("a", "b")).vpcConfig(v -> v
                    .subnetIds(westSubnet).securityGroupIds(VpcTest.GROUP)).build()))
                    .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("InvalidSubnetID.NotFound");
        }
    }
}
