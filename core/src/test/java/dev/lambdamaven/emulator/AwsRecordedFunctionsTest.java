package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsAnswers.ARN;
import static dev.lambdamaven.emulator.AwsAnswers.a;
import static dev.lambdamaven.emulator.AwsAnswers.answers;
import static dev.lambdamaven.emulator.AwsAnswers.error;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SnapStartOptimizationStatus;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * CreateFunction, GetFunction, UpdateFunctionConfiguration, UpdateFunctionCode, DeleteFunction and ListFunctions
 * against AWS's answers recorded in LocalStack's test_lambda_api.snapshot.json (TestLambdaFunction, TestLoggingConfig,
 * TestLambdaSnapStart, TestRuntimeValidation, TestLambdaSizeLimits; the test is named at each case).
 */
class AwsRecordedFunctionsTest extends EmulatorTestBase {

    private static final byte[] CODE = zip("index.py", "def handler(event, context):\n    return event\n");
    private static final String RUNTIMES = "[nodejs20.x, python3.14, provided.al2023, python3.12, python3.13,"
            + " nodejs24.x, nodejs22.x, java25, python3.10, python3.11, java21, ruby3.3, ruby3.4, ruby3.2, python3.8,"
            + " python3.9, java17, nodejs16.x, dotnet10, dotnet8, java11, dotnet6, nodejs18.x, provided.al2,"
            + " java8.al2]";
    private static final String ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";

    private void create(String name) {
        lambda.createFunction(createRequest(name, CODE).build());
    }

    // test_function_arns
    @Test
    void createTakesFullAndPartialArnsAndRefusesOtherNames() {
        var full = lambda.createFunction(createRequest(ARN + "by-arn", CODE).build());
        assertThat(full.functionName()).isEqualTo("by-arn");
        assertThat(full.functionArn()).isEqualTo(ARN + "by-arn");
        assertThat(lambda.createFunction(createRequest(AwsAnswers.ACCOUNT + ":function:by-partial-arn", CODE).build())
                .functionArn()).isEqualTo(ARN + "by-partial-arn");

        answers(() -> create("invalid:function:name"), 400, "ValidationException", "1 validation error detected:"
                + " Value 'invalid:function:name' at 'functionName' failed to satisfy constraint: "
                + AwsRecordedFunctionNamesTest.NAME_PATTERN);
        answers(() -> create(a(65)), 400, "InvalidParameterValueException", "1 validation error detected: Value '"
                + a(65) + "' at 'functionName' failed to satisfy constraint: Member must have length less than or"
                + " equal to 64");
        String tooLongArn = ARN + a(140 - ARN.length() + 1);
        answers(() -> create(tooLongArn), 400, "ValidationException", "1 validation error detected: Value '"
                + tooLongArn + "' at 'functionName' failed to satisfy constraint: Member must have length less than"
                + " or equal to 140");
        answers(() -> create("arn:aws:lambda:ap-southeast-1:" + AwsAnswers.ACCOUNT + ":function:elsewhere"), 404,
                "ResourceNotFoundException", "Functions from 'ap-southeast-1' are not reachable in this region"
                        + " ('us-east-1')");
        // the recording hides the message
        var otherAccount = error(() -> create("arn:aws:lambda:us-east-1:111122223333:function:theirs"));
        assertThat(otherAccount.statusCode()).isEqualTo(403);
        assertThat(otherAccount.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
    }

    // test_create_lambda_exceptions (recorded 2026-01-12)
    @Test
    void createChecksRoleRuntimeArchitecturesAndZip() {
        answers(() -> lambda.createFunction(createRequest("bad", CODE).role("r1").build()), 400,
                "ValidationException", "1 validation error detected: Value 'r1' at 'role' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: " + ROLE_PATTERN);
        answers(() -> lambda.createFunction(createRequest("bad", CODE).runtime("non-existent-runtime").build()), 400,
                "InvalidParameterValueException", "Value non-existent-runtime at 'runtime' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: " + RUNTIMES + " or be a valid ARN");
        answers(() -> lambda.createFunction(createRequest("bad", CODE).runtime("PYTHON3.9").build()), 400,
                "InvalidParameterValueException", "Value PYTHON3.9 at 'runtime' failed to satisfy constraint: Member"
                        + " must satisfy enum value set: " + RUNTIMES + " or be a valid ARN");
        answers(() -> lambda.createFunction(createRequest("bad", CODE)
                        .architectures(Architecture.X86_64, Architecture.ARM64).build()), 400, "ValidationException",
                "1 validation error detected: Value '[x86_64, arm64]' at 'architectures' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 1");
        answers(() -> lambda.createFunction(createRequest("bad", CODE).architecturesWithStrings("X86_64").build()),
                400, "ValidationException", "1 validation error detected: Value '[X86_64]' at 'architectures' failed"
                        + " to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set:"
                        + " [x86_64, arm64], Member must not be null]");
        answers(() -> lambda.createFunction(createRequest("bad", "this is not a zipfile, just a random string"
                .getBytes()).build()), 400, "InvalidParameterValueException",
                "Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    // test_update_lambda_exceptions (recorded 2026-01-12)
    @Test
    void updateChecksRoleAndRuntime() {
        create("fn");
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").role("r1")), 400,
                "ValidationException", "1 validation error detected: Value 'r1' at 'role' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern: " + ROLE_PATTERN);
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").runtime("non-existent-runtime")),
                400, "InvalidParameterValueException", "Value non-existent-runtime at 'runtime' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: " + RUNTIMES + " or be a valid ARN");
        answers(() -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").runtime("PYTHON3.9")), 400,
                "InvalidParameterValueException", "Value PYTHON3.9 at 'runtime' failed to satisfy constraint: Member"
                        + " must satisfy enum value set: " + RUNTIMES + " or be a valid ARN");
    }

    // TestRuntimeValidation::test_create_deprecated_function_runtime_with_validation_enabled (recorded 2026-01-12)
    @ParameterizedTest
    @ValueSource(strings = {"java8", "go1.x", "provided", "ruby2.7", "nodejs14.x", "python3.7", "dotnetcore3.1",
        "nodejs12.x"})
    void deprecatedRuntimesCannotBeUsed(String runtime) {
        answers(() -> lambda.createFunction(createRequest("old", CODE).runtime(runtime).build()), 400,
                "InvalidParameterValueException", "The runtime parameter of " + runtime + " is no longer supported for"
                        + " creating or updating AWS Lambda functions. We recommend you use a supported runtime while"
                        + " creating or updating functions.");
    }

    // test_function_lifecycle, test_redundant_updates: the states, reasons and RuntimeVersionConfig AWS answers
    @Test
    void answersStatesAndRuntimeVersionAsAws() throws Exception {
        try (Emulator slow = withDelays(Duration.ofMillis(300), Duration.ofMillis(300));
                var client = EmulatorFixture.lambda(slow)) {
            var created = client.createFunction(createRequest("life", CODE).memorySize(256).timeout(5).build());
            assertThat(created.state()).isEqualTo(State.PENDING);
            assertThat(created.stateReason()).isEqualTo("The function is being created.");
            assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
            assertThat(created.lastUpdateStatus()).isNull();
            assertThat(created.runtimeVersionConfig().runtimeVersionArn())
                    .matches("arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}");
            assertThat(created.loggingConfig()).isEqualTo(LoggingConfig.builder().logFormat(LogFormat.TEXT)
                    .logGroup("/aws/lambda/life").build());
            assertThat(created.snapStart().applyOn()).isEqualTo(SnapStartApplyOn.NONE);
            assertThat(created.snapStart().optimizationStatus()).isEqualTo(SnapStartOptimizationStatus.OFF);
            assertThat(created.packageTypeAsString()).isEqualTo("Zip");
            GetFunctionConfigurationResponse active = settled(client, "life");
            assertThat(active.revisionId()).isNotEqualTo(created.revisionId());

            for (String description : List.of("Changed-Description", "Changed-Description")) { // the 2nd: redundant
                var updating = client.updateFunctionConfiguration(b -> b.functionName("life").description(description));
                assertThat(updating.state()).isEqualTo(State.ACTIVE);
                assertThat(updating.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
                assertThat(updating.lastUpdateStatusReason()).isEqualTo("The function is being created.");
                assertThat(updating.lastUpdateStatusReasonCodeAsString()).isEqualTo("Creating");
                assertThat(updating.revisionId()).isNotEqualTo(active.revisionId());
                active = settled(client, "life");
                assertThat(active.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
                assertThat(active.lastUpdateStatusReason()).isNull();
            }
        }
        create("gone");
        lambda.deleteFunction(b -> b.functionName("gone"));
        answers(() -> lambda.getFunction(b -> b.functionName("gone")), 404, "ResourceNotFoundException",
                "Function not found: " + ARN + "gone");
    }

    private static GetFunctionConfigurationResponse settled(LambdaClient client, String name)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            GetFunctionConfigurationResponse c = client.getFunctionConfiguration(b -> b.functionName(name));
            if (c.state() == State.ACTIVE && c.lastUpdateStatus() == LastUpdateStatus.SUCCESSFUL) {
                return c;
            }
            assertThat(System.nanoTime()).as("settled in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    // test_list_functions
    @Test
    void listsFunctionsAsAwsListsThem() {
        lambda.createFunction(createRequest("list-1", CODE).publish(true).build());
        create("list-2");
        answers(() -> lambda.listFunctions(b -> b.functionVersion("invalid")), 400, "ValidationException",
                "1 validation error detected: Value 'invalid' at 'functionVersion' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [ALL]");
        List<FunctionConfiguration> all = lambda.listFunctionsPaginator(b -> b.functionVersion(FunctionVersion.ALL)
                .maxItems(1)).functions().stream().toList();
        assertThat(all).extracting(FunctionConfiguration::functionArn)
                .containsExactly(ARN + "list-1:$LATEST", ARN + "list-1:1", ARN + "list-2:$LATEST");
        assertThat(lambda.listFunctionsPaginator(b -> b.maxItems(1)).functions().stream().toList())
                .extracting(FunctionConfiguration::functionArn).containsExactly(ARN + "list-1", ARN + "list-2");
        // a list has no states and no runtime version: GetFunction has them
        assertThat(all).allSatisfy(f -> {
            assertThat(f.state()).isNull();
            assertThat(f.lastUpdateStatus()).isNull();
            assertThat(f.runtimeVersionConfig()).isNull();
            assertThat(f.revisionId()).isNotNull();
            assertThat(f.loggingConfig().logGroup()).isEqualTo("/aws/lambda/" + f.functionName());
        });
    }

    // test_vpc_config, test_invalid_vpc_config_subnet, test_invalid_vpc_config_security_group
    @Test
    void vpcConfigIsCheckedThenReturnedAsAwsReturnsIt() {
        var subnets = EmulatorFixture.ec2(emulator).describeSubnets().subnets();
        String subnet = subnets.get(0).subnetId();
        String group = EmulatorFixture.ec2(emulator).describeSecurityGroups().securityGroups().get(0).groupId();
        answers(() -> lambda.createFunction(createRequest("vpc", CODE).vpcConfig(v -> v.subnetIds("subnet-123456789")
                .securityGroupIds(group)).build()), 400, "InvalidParameterValueException", "Error occurred while"
                        + " DescribeSubnets. EC2 Error Code: InvalidSubnetID.NotFound. EC2 Error Message: The subnet ID"
                        + " 'subnet-123456789' does not exist");
        answers(() -> lambda.createFunction(createRequest("vpc", CODE).vpcConfig(v -> v.subnetIds("bad-subnet")
                .securityGroupIds(group)).build()), 400, "ValidationException", "1 validation error detected: Value"
                        + " '[bad-subnet]' at 'vpcConfig.subnetIds' failed to satisfy constraint: Member must satisfy"
                        + " constraint: [Member must have length less than or equal to 1024, Member must have length"
                        + " greater than or equal to 0, Member must satisfy regular expression pattern:"
                        + " subnet-[0-9a-z]*]");
        answers(() -> lambda.createFunction(createRequest("vpc", CODE).vpcConfig(v -> v.subnetIds(subnet)
                .securityGroupIds("sg-1234567890abcdef0")).build()), 400, "InvalidParameterValueException",
                "Error occurred while DescribeSecurityGroups. EC2 Error Code: InvalidGroup.NotFound. EC2 Error Message:"
                        + " The security group 'sg-1234567890abcdef0' does not exist");
        answers(() -> lambda.createFunction(createRequest("vpc", CODE).vpcConfig(v -> v.subnetIds(subnet)
                .securityGroupIds("bad-group")).build()), 400, "ValidationException", "1 validation error detected:"
                        + " Value '[bad-group]' at 'vpcConfig.securityGroupIds' failed to satisfy constraint: Member"
                        + " must satisfy constraint: [Member must have length less than or equal to 1024, Member must"
                        + " have length greater than or equal to 0, Member must satisfy regular expression pattern:"
                        + " sg-[0-9a-zA-Z]*]");

        var created = lambda.createFunction(createRequest("vpc", CODE).vpcConfig(v -> v.subnetIds(subnet)
                .securityGroupIds(group)).build());
        assertThat(created.vpcConfig().subnetIds()).containsExactly(subnet);
        assertThat(created.vpcConfig().securityGroupIds()).containsExactly(group);
        assertThat(created.vpcConfig().vpcId()).isEqualTo(subnets.get(0).vpcId());
        assertThat(created.vpcConfig().ipv6AllowedForDualStack()).isFalse();
        var removed = lambda.updateFunctionConfiguration(b -> b.functionName("vpc")
                .vpcConfig(v -> v.subnetIds(List.of()).securityGroupIds(List.of())));
        assertThat(removed.vpcConfig().subnetIds()).isEmpty();
        assertThat(removed.vpcConfig().securityGroupIds()).isEmpty();
        assertThat(removed.vpcConfig().vpcId()).isEmpty();
    }

    // test_lambda_code_location_s3_errors
    @Test
    void codeFromMissingS3ObjectsIsRefusedInS3Words() {
        var s3 = EmulatorFixture.s3(emulator);
        s3.createBucket(b -> b.bucket("code"));
        String noBucket = "Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified"
                + " bucket does not exist";
        String noKey = "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key"
                + " does not exist.";
        answers(() -> lambda.createFunction(createRequest("s3", CODE).code(c -> c.s3Bucket("nobucket").s3Key("k"))
                .build()), 400, "InvalidParameterValueException", noBucket);
        answers(() -> lambda.createFunction(createRequest("s3", CODE).code(c -> c.s3Bucket("code").s3Key("nokey"))
                .build()), 400, "InvalidParameterValueException", noKey);
        create("s3");
        answers(() -> lambda.updateFunctionCode(b -> b.functionName("s3").s3Bucket("nobucket").s3Key("k")), 400,
                "InvalidParameterValueException", noBucket);
        answers(() -> lambda.updateFunctionCode(b -> b.functionName("s3").s3Bucket("code").s3Key("nokey")), 400,
                "InvalidParameterValueException", noKey);
    }

    // TestLoggingConfig::test_function_advanced_logging_configuration
    @Test
    void advancedLoggingIsStoredAndReturned() {
        var created = lambda.createFunction(createRequest("logs", CODE).loggingConfig(l -> l.logFormat(LogFormat.JSON))
                .build());
        assertThat(created.loggingConfig()).isEqualTo(LoggingConfig.builder().logFormat(LogFormat.JSON)
                .applicationLogLevel("INFO").systemLogLevel("INFO").logGroup("/aws/lambda/logs").build());
        var updated = lambda.updateFunctionConfiguration(b -> b.functionName("logs").loggingConfig(l -> l
                .logFormat(LogFormat.JSON).applicationLogLevel("INFO").systemLogLevel("INFO").logGroup("cool_lambda")));
        LoggingConfig expected = LoggingConfig.builder().logFormat(LogFormat.JSON).applicationLogLevel("INFO")
                .systemLogLevel("INFO").logGroup("cool_lambda").build();
        assertThat(updated.loggingConfig()).isEqualTo(expected);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("logs")).loggingConfig()).isEqualTo(expected);
    }

    // TestLoggingConfig::test_advanced_logging_configuration_format_switch
    @Test
    void switchingBackToTextDropsTheLogLevels() {
        create("switch");
        lambda.updateFunctionConfiguration(b -> b.functionName("switch").loggingConfig(l -> l.logFormat(LogFormat.JSON)));
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("switch")).loggingConfig())
                .isEqualTo(LoggingConfig.builder().logFormat(LogFormat.JSON).applicationLogLevel("INFO")
                        .systemLogLevel("INFO").logGroup("/aws/lambda/switch").build());
        lambda.updateFunctionConfiguration(b -> b.functionName("switch").loggingConfig(l -> l.logFormat(LogFormat.TEXT)));
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("switch")).loggingConfig())
                .isEqualTo(LoggingConfig.builder().logFormat(LogFormat.TEXT).logGroup("/aws/lambda/switch").build());
    }

    // TestLoggingConfig::test_function_partial_advanced_logging_configuration_update, its four cases
    @Test
    void aPartialLoggingUpdateKeepsTheRest() {
        Map<LoggingConfig, LoggingConfig> cases = Map.of(
                LoggingConfig.builder().logFormat(LogFormat.JSON).build(),
                LoggingConfig.builder().logFormat(LogFormat.JSON).applicationLogLevel("INFO").systemLogLevel("INFO")
                        .logGroup("/aws/lambda/p0").build(),
                LoggingConfig.builder().logFormat(LogFormat.JSON).applicationLogLevel("DEBUG").build(),
                LoggingConfig.builder().logFormat(LogFormat.JSON).applicationLogLevel("DEBUG").systemLogLevel("INFO")
                        .logGroup("/aws/lambda/p1").build(),
                LoggingConfig.builder().logFormat(LogFormat.JSON).systemLogLevel("DEBUG").build(),
                LoggingConfig.builder().logFormat(LogFormat.JSON).applicationLogLevel("INFO").systemLogLevel("DEBUG")
                        .logGroup("/aws/lambda/p2").build(),
                LoggingConfig.builder().logGroup("cool_lambda").build(),
                LoggingConfig.builder().logFormat(LogFormat.TEXT).logGroup("cool_lambda").build());
        int i = 0;
        for (LoggingConfig partial : List.of(LoggingConfig.builder().logFormat(LogFormat.JSON).build(),
                LoggingConfig.builder().logFormat(LogFormat.JSON).applicationLogLevel("DEBUG").build(),
                LoggingConfig.builder().logFormat(LogFormat.JSON).systemLogLevel("DEBUG").build(),
                LoggingConfig.builder().logGroup("cool_lambda").build())) {
            String name = "p" + i++;
            create(name);
            assertThat(lambda.updateFunctionConfiguration(b -> b.functionName(name).loggingConfig(partial))
                    .loggingConfig()).isEqualTo(cases.get(partial));
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName(name)).loggingConfig())
                    .isEqualTo(cases.get(partial));
        }
    }

    // TestLambdaSnapStart::test_snapstart_exceptions, test_snapstart_update_function_configuration
    @Test
    void snapStartIsCheckedStoredAndReturned() {
        answers(() -> lambda.createFunction(createRequest("snap", CODE).snapStart(s -> s.applyOn("invalidOption"))
                .build()), 400, "ValidationException", "1 validation error detected: Value 'invalidOption' at"
                        + " 'snapStart.applyOn' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [PublishedVersions, None]");
        create("snap");
        var updated = lambda.updateFunctionConfiguration(b -> b.functionName("snap")
                .snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS)));
        assertThat(updated.snapStart().applyOn()).isEqualTo(SnapStartApplyOn.PUBLISHED_VERSIONS);
        assertThat(updated.snapStart().optimizationStatus()).isEqualTo(SnapStartOptimizationStatus.OFF);
        // on a published version SnapStart is on (the API reference: OptimizationStatus, for a qualified ARN)
        String version = lambda.publishVersion(b -> b.functionName("snap")).version();
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("snap").qualifier(version)).snapStart()
                .optimizationStatus()).isEqualTo(SnapStartOptimizationStatus.ON);
    }

    // TestLambdaSizeLimits::test_lambda_envvars_near_limit_succeeds, test_large_environment_variables_fails
    @Test
    void environmentsUpTo4KbAreTaken() {
        String fits = "x".repeat(4 * 1024 - 7 - "LARGE_VAR".length());
        assertThat(lambda.createFunction(createRequest("near", CODE).environment(e -> e.variables(Map.of("LARGE_VAR",
                fits))).build()).environment().variables()).containsEntry("LARGE_VAR", fits);
        var tooLarge = error(() -> lambda.createFunction(createRequest("far", CODE).environment(e -> e.variables(
                Map.of("LARGE_VAR", fits + "x"))).build()));
        assertThat(tooLarge.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        // AWS goes on with the variables it measured, as compact JSON
        assertThat(tooLarge.awsErrorDetails().errorMessage()).isEqualTo("Lambda was unable to configure your"
                + " environment variables because the environment variables you have provided exceeded the 4KB limit."
                + " String measured: {\"LARGE_VAR\":\"" + fits + "x\"}");
    }

    // test_lambda_concurrent_code_updates, test_lambda_concurrent_config_updates
    @Test
    void aChangeDuringAnUpdateIsAConflict() throws Exception {
        try (Emulator slow = withDelays(Duration.ZERO, Duration.ofSeconds(30));
                var client = EmulatorFixture.lambda(slow)) {
            client.createFunction(createRequest("busy", CODE).build());
            client.updateFunctionCode(b -> b.functionName("busy").zipFile(SdkBytes.fromByteArray(zip("a", "2"))));
            String conflict = "The operation cannot be performed at this time. An update is in progress for resource: "
                    + ARN + "busy";
            answers(() -> client.updateFunctionCode(b -> b.functionName("busy")
                    .zipFile(SdkBytes.fromByteArray(zip("a", "3")))), 409, "ResourceConflictException", conflict);
            answers(() -> client.updateFunctionConfiguration(b -> b.functionName("busy").timeout(10)), 409,
                    "ResourceConflictException", conflict);
        }
    }
}
