package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsErrors.ARN;
import static dev.lambdamaven.emulator.AwsErrors.assertAwsError;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.RecursiveLoop;
import software.amazon.awssdk.services.lambda.model.UpdateRuntimeOn;

/**
 * Get/PutFunctionRecursionConfig (AWS's answers recorded in LocalStack's {@code test_lambda_api.snapshot.json},
 * TestLambdaRecursion::*, 25-11-2025) and Get/PutRuntimeManagementConfig (no recorded answers there: the API
 * reference's shapes and constraints).
 */
class FunctionOptionsApiTest extends EmulatorTestBase {

    private static final String FN = ARN + "function:fn";
    private static final String RUNTIME = "arn:aws:lambda:us-east-1::runtime:0b6ea6f4b4d1d1ab0a5b0a6e9b3b4d6c7d8e9f0a1"
            + "b2c3d4e5f6a7b8c9d0e1f2a3";

    @BeforeEach
    void createFunction() {
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
    }

    @Test
    void recursionConfigDefaultsToTerminate() {
        assertThat(lambda.getFunctionRecursionConfig(b -> b.functionName("fn")).recursiveLoop())
                .isEqualTo(RecursiveLoop.TERMINATE);
        assertThat(lambda.putFunctionRecursionConfig(b -> b.functionName("fn").recursiveLoop(RecursiveLoop.ALLOW))
                .recursiveLoop()).isEqualTo(RecursiveLoop.ALLOW);
        assertThat(lambda.getFunctionRecursionConfig(b -> b.functionName(FN)).recursiveLoop())
                .isEqualTo(RecursiveLoop.ALLOW);
        assertAwsError(() -> lambda.putFunctionRecursionConfig(b -> b.functionName("fn").recursiveLoop("InvalidValue")),
                400, "ValidationException", "1 validation error detected: Value 'InvalidValue' at 'recursiveLoop' failed"
                        + " to satisfy constraint: Member must satisfy enum value set: [Terminate, Allow]");
        assertAwsError(() -> lambda.getFunctionRecursionConfig(b -> b.functionName("doesnotexist")), 404,
                "ResourceNotFoundException", "Function not found: " + ARN + "function:doesnotexist");
        lambda.deleteFunction(b -> b.functionName("fn"));
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
        assertThat(lambda.getFunctionRecursionConfig(b -> b.functionName("fn")).recursiveLoop())
                .isEqualTo(RecursiveLoop.TERMINATE);
    }

    @Test
    void runtimeManagementIsPerVersion() {
        var latest = lambda.getRuntimeManagementConfig(b -> b.functionName("fn"));
        assertThat(latest.updateRuntimeOn()).isEqualTo(UpdateRuntimeOn.AUTO);
        assertThat(latest.runtimeVersionArn()).isNull();
        assertThat(latest.functionArn()).isEqualTo(FN + ":$LATEST");
        var manual = lambda.putRuntimeManagementConfig(b -> b.functionName("fn").updateRuntimeOn(UpdateRuntimeOn.MANUAL)
                .runtimeVersionArn(RUNTIME));
        assertThat(manual.runtimeVersionArn()).isEqualTo(RUNTIME);
        assertThat(manual.functionArn()).isEqualTo(FN + ":$LATEST");
        String version = lambda.publishVersion(b -> b.functionName("fn")).version();
        lambda.putRuntimeManagementConfig(b -> b.functionName("fn").qualifier(version)
                .updateRuntimeOn(UpdateRuntimeOn.FUNCTION_UPDATE));
        assertThat(lambda.getRuntimeManagementConfig(b -> b.functionName("fn").qualifier("$LATEST")).runtimeVersionArn())
                .isEqualTo(RUNTIME);
        var published = lambda.getRuntimeManagementConfig(b -> b.functionName("fn").qualifier(version));
        assertThat(published.updateRuntimeOn()).isEqualTo(UpdateRuntimeOn.FUNCTION_UPDATE);
        assertThat(published.functionArn()).isEqualTo(FN + ":" + version);
        assertAwsError(() -> lambda.getRuntimeManagementConfig(b -> b.functionName("fn").qualifier("9")), 404,
                "ResourceNotFoundException", "Function not found: " + FN + ":9");
        lambda.deleteFunction(b -> b.functionName("fn").qualifier(version));
        lambda.deleteFunction(b -> b.functionName("fn"));
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
        assertThat(lambda.getRuntimeManagementConfig(b -> b.functionName("fn")).updateRuntimeOn())
                .isEqualTo(UpdateRuntimeOn.AUTO);
    }

    @Test
    void runtimeManagementChecksItsMembers() {
        assertAwsError(() -> lambda.putRuntimeManagementConfig(b -> b.functionName("fn").updateRuntimeOn("Never")),
                400, "ValidationException", "1 validation error detected: Value 'Never' at 'updateRuntimeOn' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]");
        assertAwsError(() -> lambda.putRuntimeManagementConfig(b -> b.functionName("fn")
                .updateRuntimeOn(UpdateRuntimeOn.MANUAL)), 400, "InvalidParameterValueException",
                "UpdateRuntimeOn Manual needs a RuntimeVersionArn: the runtime version the function stays on.");
        assertAwsError(() -> lambda.putRuntimeManagementConfig(b -> b.functionName("fn")
                .updateRuntimeOn(UpdateRuntimeOn.AUTO).runtimeVersionArn(RUNTIME)), 400,
                "InvalidParameterValueException", "RuntimeVersionArn can only be set with UpdateRuntimeOn Manual.");
    }
}
