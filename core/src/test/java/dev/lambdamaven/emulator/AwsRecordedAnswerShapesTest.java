package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsAnswers.ARN;
import static dev.lambdamaven.emulator.AwsAnswers.answers;
import static dev.lambdamaven.emulator.AwsAnswers.error;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.StateReasonCode;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The shape of AWS's answers beyond their texts, against LocalStack's test_lambda_api.snapshot.json (recorded on AWS
 * from November 2025 to January 2026; the test and snapshot key are named at each case): how an error body spells its
 * members, which answers carry an empty {@code Environment}, the state a create or an update answers, and the order
 * in which AWS checks what a request names.
 */
class AwsRecordedAnswerShapesTest extends EmulatorTestBase {

    private static final byte[] CODE = zip("handler.py", "def handler(event, context):\n    return event\n");

    // test_function_lifecycle: delete_postdelete records {"Type": "User", "Message": ...} (the API model's member);
    // test_create_lambda_exceptions: invalid_zip_exc, an InvalidParameterValueException, carries "Type" and "message";
    // test_code_signing_not_found_excs get_csc_invalid: a code signing config not found has "Message" and no "Type";
    // test_notfound_and_invalid_routingconfigs target_version_exc_version_latest: "message" and no "Type"
    @Test
    void errorBodiesSpellTheirMembersAsAwsDoes() throws Exception {
        SignedHttp http = new SignedHttp(emulator.endpoint());
        assertThat(http.send("GET", "/2015-03-31/functions/gone", null).body())
                .isEqualTo("{\"Type\":\"User\",\"Message\":\"Function not found: " + ARN + "gone\"}");
        assertThat(http.send("POST", "/2015-03-31/functions", "{\"FunctionName\":\"f\",\"Role\":\"arn:aws:iam::"
                + AwsAnswers.ACCOUNT + ":role/r\",\"Runtime\":\"python3.12\",\"Handler\":\"h\",\"Code\":{\"ZipFile\":"
                + "\"bm90IGEgemlw\"}}").body())
                .isEqualTo("{\"Type\":\"User\",\"message\":\"Could not unzip uploaded file. Please check your file,"
                        + " then try to upload again.\"}");
        String csc = "arn:aws:lambda:us-east-1:" + AwsAnswers.ACCOUNT + ":code-signing-config:csc-0123456789abcdef0";
        assertThat(http.send("GET", "/2020-04-22/code-signing-configs/" + csc, null).body())
                .isEqualTo("{\"Message\":\"The Lambda code signing configuration " + csc + " can not be found.\"}");

        lambda.createFunction(createRequest("fn", CODE).publish(true).build());
        var latest = error(() -> lambda.createAlias(b -> b.functionName("fn").name("a")
                .functionVersion("$LATEST").routingConfig(r -> r.additionalVersionWeights(Map.of("1", 0.5)))));
        assertThat(latest).isInstanceOf(InvalidParameterValueException.class);
        assertThat(((InvalidParameterValueException) latest).type()).isNull();
        assertThat(latest.awsErrorDetails().errorMessage())
                .isEqualTo("$LATEST is not supported for an alias pointing to more than 1 version");
        var notFound = error(() -> lambda.getFunction(b -> b.functionName("gone")));
        assertThat(((ResourceNotFoundException) notFound).type()).isEqualTo("User");
        // test_function_concurrency_limits: put_function_concurrency_below_unreserved_min_value has no "Type"
        var belowMinimum = error(() -> lambda.putFunctionConcurrency(b -> b.functionName("fn")
                .reservedConcurrentExecutions(901)));
        assertThat(((InvalidParameterValueException) belowMinimum).type()).isNull();
        assertThat(belowMinimum.awsErrorDetails().errorMessage()).isEqualTo("Specified ReservedConcurrentExecutions"
                + " for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].");
    }

    // test_function_lifecycle: create_response, get_function_response and update_func_conf_response carry
    // "Environment": {"Variables": {}} for a function created with no variables; test_list_functions: list_default
    @Test
    void anEnvironmentGivenEmptyIsAnsweredEmpty() {
        var created = lambda.createFunction(createRequest("with-env", CODE).environment(e -> e.variables(Map.of()))
                .build());
        assertThat(created.environment()).isNotNull();
        assertThat(created.environment().variables()).isEmpty();
        assertThat(lambda.getFunction(b -> b.functionName("with-env")).configuration().environment().variables())
                .isEmpty();
        assertThat(lambda.updateFunctionConfiguration(b -> b.functionName("with-env").description("Changed"))
                .environment().variables()).isEmpty();
        assertThat(lambda.listFunctions().functions()).singleElement()
                .satisfies(f -> assertThat(f.environment().variables()).isEmpty());
        // not given, not answered (test_version_lifecycle: create_response, created without an Environment)
        assertThat(lambda.createFunction(createRequest("without-env", CODE).build()).environment()).isNull();
    }

    // test_function_lifecycle: create_response is Pending (StateReasonCode Creating) and update_func_conf_response
    // InProgress, however quickly the function becomes Active (this emulator's delays are zero);
    // test_notfound_and_invalid_routingconfigs: create_response with Publish is Pending too
    @Test
    void createsAndUpdatesAnswerTheOperationUnderWay() {
        var created = lambda.createFunction(createRequest("fn", CODE).publish(true).build());
        assertThat(created.state()).isEqualTo(State.PENDING);
        assertThat(created.stateReason()).isEqualTo("The function is being created.");
        assertThat(created.stateReasonCode()).isEqualTo(StateReasonCode.CREATING);
        assertThat(created.lastUpdateStatus()).isNull();
        assertThat(lambda.getFunction(b -> b.functionName("fn")).configuration().state()).isEqualTo(State.ACTIVE);

        var updated = lambda.updateFunctionConfiguration(b -> b.functionName("fn").description("Changed-Description"));
        assertThat(updated.state()).isEqualTo(State.ACTIVE);
        assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(updated.lastUpdateStatusReason()).isEqualTo("The function is being created.");
        var code = lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(
                zip("handler.py", "def handler(event, context):\n    return 1\n"))));
        assertThat(code.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
    }

    // test_function_concurrency_exceptions: put_function_concurrency_with_function_name_doesnotexist names $LATEST
    @Test
    void putFunctionConcurrencyNamesLatestWhenNotFound() {
        answers(() -> lambda.putFunctionConcurrency(b -> b.functionName("doesnotexist")
                .reservedConcurrentExecutions(1)), 404, "ResourceNotFoundException",
                "Function not found: " + ARN + "doesnotexist:$LATEST");
    }

    // test_invalid_vpc_config_security_group: create-response-non-existent-security-group, with a subnet that does
    // not exist either: the security group is looked up first
    @Test
    void securityGroupsAreLookedUpBeforeSubnets() {
        answers(() -> lambda.createFunction(createRequest("vpc", CODE).vpcConfig(v -> v.subnetIds("subnet-1a2b3c4d")
                .securityGroupIds("sg-1a2b3c4d")).build()), 400, "InvalidParameterValueException",
                "Error occurred while DescribeSecurityGroups. EC2 Error Code: InvalidGroup.NotFound. EC2 Error"
                        + " Message: The security group 'sg-1a2b3c4d' does not exist");
    }

    // test_create_event_filter_criteria_validation: response-with-empty-filters has no FilterCriteria
    @Test
    void anEmptyFilterListIsNotAnswered() {
        lambda.createFunction(createRequest("fn", CODE).build());
        var mapping = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(
                "arn:aws:dynamodb:us-east-1:" + AwsAnswers.ACCOUNT + ":table/t/stream/2026-01-01T00:00:00.000")
                .startingPosition(EventSourcePosition.LATEST).filterCriteria(f -> f.filters(List.of())));
        assertThat(mapping.filterCriteria()).isNull();
    }

    // test_layer_s3_content: a layer published from the key "/layercontent.zip" (a leading slash), uploaded as boto3
    // sends it, on the path /bucket//layercontent.zip (the Java SDK would send %2F instead)
    @Test
    void aKeyWithALeadingSlashIsItsOwnKey() throws Exception {
        try (S3Client s3 = EmulatorFixture.s3(emulator)) {
            s3.createBucket(b -> b.bucket("layers"));
        }
        var put = new SignedHttp(emulator.endpoint()).request("PUT", "/layers//layercontent.zip",
                zip("python/lib.py", "x = 1\n"), "s3", Map.of()).build();
        assertThat(HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        var published = lambda.publishLayerVersion(b -> b.layerName("bucket-layer")
                .content(c -> c.s3Bucket("layers").s3Key("/layercontent.zip")));
        assertThat(published.version()).isEqualTo(1L);
        answers(() -> lambda.publishLayerVersion(b -> b.layerName("bucket-layer")
                .content(c -> c.s3Bucket("layers").s3Key("layercontent.zip"))), 400,
                "InvalidParameterValueException", "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3"
                        + " Error Message: The specified key does not exist.");
    }
}
