package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsErrors.ARN;
import static dev.lambdamaven.emulator.AwsErrors.assertAwsError;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.OnFailure;
import software.amazon.awssdk.services.lambda.model.OnSuccess;

/**
 * Put/Update/Get/Delete/ListFunctionEventInvokeConfig(s) through the SDK, against AWS's answers recorded in
 * LocalStack's {@code test_lambda_api.snapshot.json}: TestLambdaEventInvokeConfig::test_lambda_eventinvokeconfig_lifecycle
 * (25-11-2025) and ::test_lambda_eventinvokeconfig_exceptions (25-11-2025).
 */
class EventInvokeConfigApiTest extends EmulatorTestBase {

    private static final String FN = ARN + "function:fn";

    @BeforeEach
    void createFunctions() {
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
        lambda.createFunction(createRequest("other", zip("a", "1")).build());
        lambda.publishVersion(b -> b.functionName("fn"));
        lambda.createAlias(b -> b.functionName("fn").name("eventinvokealias").functionVersion("1"));
    }

    private static DestinationConfig onSuccess(String destination) {
        return DestinationConfig.builder().onSuccess(OnSuccess.builder().destination(destination).build()).build();
    }

    @Test
    void storesReplacesAndUpdatesConfigs() {
        var retries = lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").maximumRetryAttempts(0));
        assertThat(retries.functionArn()).isEqualTo(FN + ":$LATEST");
        assertThat(retries.maximumRetryAttempts()).isZero();
        assertThat(retries.maximumEventAgeInSeconds()).isNull();
        assertThat(retries.destinationConfig().onSuccess().destination()).isNull();
        assertThat(retries.destinationConfig().onFailure()).isNotNull();
        assertThat(retries.lastModified()).isNotNull();
        // Put replaces the whole config
        var age = lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").maximumEventAgeInSeconds(60));
        assertThat(age.maximumRetryAttempts()).isNull();
        assertThat(age.maximumEventAgeInSeconds()).isEqualTo(60);
        // Update changes what it is given
        var updated = lambda.updateFunctionEventInvokeConfig(b -> b.functionName("fn").maximumRetryAttempts(1));
        assertThat(updated.maximumEventAgeInSeconds()).isEqualTo(60);
        assertThat(updated.maximumRetryAttempts()).isEqualTo(1);
        var latest = lambda.getFunctionEventInvokeConfig(b -> b.functionName("fn").qualifier("$LATEST"));
        assertThat(latest.functionArn()).isEqualTo(FN + ":$LATEST");
        assertThat(latest.maximumEventAgeInSeconds()).isEqualTo(60);
        assertThat(latest.maximumRetryAttempts()).isEqualTo(1);
        assertAwsError(() -> lambda.getFunctionEventInvokeConfig(b -> b.functionName("fn").qualifier("1")), 404,
                "ResourceNotFoundException", "The function " + FN + ":1 doesn't have an EventInvokeConfig");
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").qualifier("1").maximumEventAgeInSeconds(120));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName(FN + ":eventinvokealias").maximumRetryAttempts(2)
                .maximumEventAgeInSeconds(21600).destinationConfig(onSuccess(ARN + "function:other")));
        var all = lambda.listFunctionEventInvokeConfigs(b -> b.functionName("fn"));
        assertThat(all.functionEventInvokeConfigs()).extracting(FunctionEventInvokeConfig::functionArn)
                .containsExactly(FN + ":$LATEST", FN + ":1", FN + ":eventinvokealias");
        assertThat(all.functionEventInvokeConfigs().get(2).destinationConfig().onSuccess().destination())
                .isEqualTo(ARN + "function:other");
        var first = lambda.listFunctionEventInvokeConfigs(b -> b.functionName("fn").maxItems(2));
        assertThat(first.functionEventInvokeConfigs()).hasSize(2);
        var rest = lambda.listFunctionEventInvokeConfigs(b -> b.functionName("fn").maxItems(2)
                .marker(first.nextMarker()));
        assertThat(rest.functionEventInvokeConfigs()).extracting(FunctionEventInvokeConfig::functionArn)
                .containsExactly(FN + ":eventinvokealias");
        assertThat(rest.nextMarker()).isNull();
        lambda.deleteFunctionEventInvokeConfig(b -> b.functionName("fn"));
        assertThat(lambda.listFunctionEventInvokeConfigs(b -> b.functionName("fn")).functionEventInvokeConfigs())
                .extracting(FunctionEventInvokeConfig::functionArn)
                .containsExactly(FN + ":1", FN + ":eventinvokealias");
        assertAwsError(() -> lambda.deleteFunctionEventInvokeConfig(b -> b.functionName("fn")), 404,
                "ResourceNotFoundException", "The function " + FN + ":$LATEST doesn't have an EventInvokeConfig");
    }

    @Test
    void answersAwsErrors() {
        String missing = ARN + "function:doesnotexist";
        assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("doesnotexist")
                .maximumRetryAttempts(1)), 404, "ResourceNotFoundException", "The function doesn't exist.");
        assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName(missing)
                .maximumRetryAttempts(1)), 404, "ResourceNotFoundException", "The function doesn't exist.");
        assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("doesnotexist")), 400,
                "InvalidParameterValueException", "You must specify at least one of error handling or destination"
                        + " setting.");
        assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .destinationConfig(onSuccess(missing))), 400, "InvalidParameterValueException",
                "The destination ARN " + missing + " is invalid.");
        assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .destinationConfig(onSuccess(FN))), 400, "InvalidParameterValueException",
                "You can't specify the function as a destination for itself.");
        assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .destinationConfig(onSuccess(FN.replace(":lambda:", ":iam:")))), 400,
                "InvalidParameterValueException", "The provided destination config DestinationConfig(onSuccess="
                        + "OnSuccess(destination=arn:aws:iam:us-east-1:123456789012:function:fn), onFailure=null) is"
                        + " invalid.");
        var empty = lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").destinationConfig(d -> d
                .onFailure(OnFailure.builder().build()).onSuccess(s -> s.destination(""))));
        assertThat(empty.destinationConfig().onSuccess().destination()).isNull();
        assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").destinationConfig(d -> d
                .onFailure(f -> f.destination(FN.replace(":lambda:", ":_-/!lambda:"))))), 400, "ValidationException",
                "1 validation error detected: Value 'arn:aws:_-/!lambda:us-east-1:123456789012:function:fn' at"
                        + " 'destinationConfig.onFailure.destination' failed to satisfy constraint: Member must satisfy"
                        + " regular expression pattern: $|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:"
                        + "(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:"
                        + "(\\d{12})?:(.*)");
        assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn")
                .qualifier("eventinvokealiasdoesnotexist").maximumRetryAttempts(1)), 404, "ResourceNotFoundException",
                "The function doesn't exist.");
        for (String[] nameAndQualifier : new String[][] {{FN + ":eventinvokealias", "eventinvokealiasdoesnotexist"},
                {"fn:eventinvokealias", "eventinvokealiasdoesnotexist"}, {"fn:1", "$LATEST"}, {"fn:$LATEST", "1"},
                {"fn:1", "eventinvokealias"}}) {
            assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName(nameAndQualifier[0])
                    .qualifier(nameAndQualifier[1]).maximumRetryAttempts(1)), 400, "InvalidParameterValueException",
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        assertThat(lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn:1").maximumRetryAttempts(1))
                .functionArn()).isEqualTo(FN + ":1");
        assertThat(lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn:$LATEST").qualifier("$LATEST")
                .maximumRetryAttempts(1)).functionArn()).isEqualTo(FN + ":$LATEST");
        assertAwsError(() -> lambda.getFunctionEventInvokeConfig(b -> b.functionName("doesnotexist")), 404,
                "ResourceNotFoundException", "The function " + missing + ":$LATEST doesn't have an EventInvokeConfig");
        assertAwsError(() -> lambda.getFunctionEventInvokeConfig(b -> b.functionName("fn").qualifier("doesnotexist")),
                404, "ResourceNotFoundException", "The function " + FN + ":doesnotexist doesn't have an"
                        + " EventInvokeConfig");
        assertAwsError(() -> lambda.listFunctionEventInvokeConfigs(b -> b.functionName("doesnotexist")), 404,
                "ResourceNotFoundException", "The function doesn't exist.");
        assertAwsError(() -> lambda.updateFunctionEventInvokeConfig(b -> b.functionName("doesnotexist")
                .maximumRetryAttempts(0)), 404, "ResourceNotFoundException", "The function doesn't exist.");
        assertAwsError(() -> lambda.updateFunctionEventInvokeConfig(b -> b.functionName(FN + ":eventinvokealias")
                .maximumRetryAttempts(0)), 404, "ResourceNotFoundException", "The function " + FN
                        + ":eventinvokealias doesn't have an EventInvokeConfig");
        assertAwsError(() -> lambda.deleteFunctionEventInvokeConfig(b -> b.functionName("doesnotexist")), 404,
                "ResourceNotFoundException", "The function " + missing + ":$LATEST doesn't have an EventInvokeConfig");
    }

    /** The API reference's limits: retries 0 to 2, event age 60 to 21600 seconds. */
    @Test
    void checksLimits() {
        assertAwsError(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").maximumRetryAttempts(3)
                .maximumEventAgeInSeconds(59)), 400, "ValidationException", "2 validation errors detected: Value '3'"
                        + " at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or"
                        + " equal to 2; Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member"
                        + " must have value greater than or equal to 60");
    }

    @Test
    void configsGoWithTheirVersionAliasAndFunction() {
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").qualifier("eventinvokealias")
                .maximumRetryAttempts(1));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").qualifier("1").maximumRetryAttempts(1));
        lambda.deleteAlias(b -> b.functionName("fn").name("eventinvokealias"));
        lambda.deleteFunction(b -> b.functionName("fn").qualifier("1"));
        assertThat(lambda.listFunctionEventInvokeConfigs(b -> b.functionName("fn")).functionEventInvokeConfigs())
                .isEmpty();
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").maximumRetryAttempts(1));
        lambda.deleteFunction(b -> b.functionName("fn"));
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
        assertThat(lambda.listFunctionEventInvokeConfigs(b -> b.functionName("fn")).functionEventInvokeConfigs())
                .isEmpty();
    }
}
