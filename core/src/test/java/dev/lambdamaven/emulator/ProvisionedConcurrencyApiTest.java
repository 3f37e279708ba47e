package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsErrors.ARN;
import static dev.lambdamaven.emulator.AwsErrors.assertAwsError;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyStatusEnum;

/**
 * Put/Get/Delete/ListProvisionedConcurrencyConfig(s) through the SDK, against AWS's answers recorded in LocalStack's
 * {@code test_lambda_api.snapshot.json} (TestLambdaProvisionedConcurrency::*, 25-11-2025) and
 * {@code test_lambda.snapshot.json} (TestLambdaConcurrency::test_reserved_provisioned_overlap, 24-11-2025). This
 * emulator has AWS's default quota: 1000 concurrent executions, of which 100 stay unreserved.
 */
class ProvisionedConcurrencyApiTest extends EmulatorTestBase {

    private static final String FN = ARN + "function:fn";
    private static final String NO_CONFIG = "No Provisioned Concurrency Config found for this function";

    @BeforeEach
    void publish() {
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
        lambda.publishVersion(b -> b.functionName("fn"));
        lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1"));
    }

    /** TestLambdaProvisionedConcurrency::test_provisioned_concurrency_exceptions. */
    @Test
    void answersAwsErrors() {
        assertAwsError(() -> lambda.getProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")), 404,
                "ProvisionedConcurrencyConfigNotFoundException", NO_CONFIG);
        assertAwsError(() -> lambda.getProvisionedConcurrencyConfig(b -> b.functionName("doesnotexist")
                .qualifier("noalias")), 404, "ResourceNotFoundException", "Cannot find alias arn: " + ARN
                        + "function:doesnotexist:noalias");
        assertAwsError(() -> lambda.getProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("noalias")),
                404, "ResourceNotFoundException", "Cannot find alias arn: " + FN + ":noalias");
        assertAwsError(() -> lambda.getProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("10")), 404,
                "ResourceNotFoundException", "Function not found: " + FN + ":10");
        assertAwsError(() -> lambda.getProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("$LATEST")),
                400, "InvalidParameterValueException", "The function resource provided must be an alias or a"
                        + " published version.");
        assertThat(lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("fn"))
                .provisionedConcurrencyConfigs()).isEmpty();
        assertAwsError(() -> lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("doesnotexist")), 404,
                "ResourceNotFoundException", "Function not found: " + ARN + "function:doesnotexist");
        assertAwsError(() -> lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("doesnotexist")
                .qualifier("1")), 404, "ResourceNotFoundException", "Function not found: " + ARN
                        + "function:doesnotexist:1");
        assertAwsError(() -> lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("noalias")),
                404, "ResourceNotFoundException", "Cannot find alias arn: " + FN + ":noalias");
        assertAwsError(() -> lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("10")),
                404, "ResourceNotFoundException", "Function not found: " + FN + ":10");
        assertAwsError(() -> lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("$LATEST")),
                400, "InvalidParameterValueException", "The function resource provided must be an alias or a"
                        + " published version.");
        lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")); // none: 204 all the same
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                .provisionedConcurrentExecutions(0)), 400, "ValidationException", "1 validation error detected: Value"
                        + " '0' at 'provisionedConcurrentExecutions' failed to satisfy constraint: Member must have value"
                        + " greater than or equal to 1");
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("doesnotexist")
                .qualifier("noalias").provisionedConcurrentExecutions(1)), 404, "ResourceNotFoundException",
                "Cannot find alias arn: " + ARN + "function:doesnotexist:noalias");
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("doesnotexist")
                .qualifier("1").provisionedConcurrentExecutions(1)), 404, "ResourceNotFoundException",
                "Function not found: " + ARN + "function:doesnotexist:1");
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("10")
                .provisionedConcurrentExecutions(1)), 404, "ResourceNotFoundException", "Function not found: " + FN
                        + ":10");
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("$LATEST")
                .provisionedConcurrentExecutions(1)), 400, "InvalidParameterValueException", "Provisioned Concurrency"
                        + " Configs cannot be applied to unpublished function versions.");
    }

    /** TestLambdaProvisionedConcurrency::test_lambda_provisioned_lifecycle (states with this test's zero delay). */
    @Test
    void configuresVersionsOrAliasesNeverBoth() {
        var put = lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                .provisionedConcurrentExecutions(1));
        assertThat(put.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.IN_PROGRESS);
        assertThat(put.requestedProvisionedConcurrentExecutions()).isEqualTo(1);
        assertThat(put.allocatedProvisionedConcurrentExecutions()).isZero();
        assertThat(put.availableProvisionedConcurrentExecutions()).isZero();
        assertThat(put.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("live")
                .provisionedConcurrentExecutions(1)), 409, "ResourceConflictException", "Alias can't be used for"
                        + " Provisioned Concurrency configuration on an already Provisioned version");
        var ready = lambda.getProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1"));
        assertThat(ready.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.READY);
        assertThat(ready.allocatedProvisionedConcurrentExecutions()).isEqualTo(1);
        assertThat(ready.availableProvisionedConcurrentExecutions()).isEqualTo(1);
        lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1"));
        assertAwsError(() -> lambda.getProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")), 404,
                "ProvisionedConcurrencyConfigNotFoundException", NO_CONFIG);
        lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("live")
                .provisionedConcurrentExecutions(1));
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                .provisionedConcurrentExecutions(1)), 409, "ResourceConflictException", "Version is pointed by a"
                        + " Provisioned Concurrency alias");
        var listed = lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("fn"))
                .provisionedConcurrencyConfigs();
        assertThat(listed).singleElement().satisfies(config -> assertThat(config.functionArn())
                .isEqualTo(FN + ":live"));
        lambda.deleteAlias(b -> b.functionName("fn").name("live"));
        assertAwsError(() -> lambda.getProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("live")), 404,
                "ResourceNotFoundException", "Cannot find alias arn: " + FN + ":live");
        assertThat(lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("fn"))
                .provisionedConcurrencyConfigs()).isEmpty();
    }

    /** TestLambdaProvisionedConcurrency::test_provisioned_concurrency_limits, with this account's quota. */
    @Test
    void keepsTheAccountsUnreservedMinimum() {
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                .provisionedConcurrentExecutions(1001)), 400, "InvalidParameterValueException", "Specified"
                        + " ConcurrentExecutions for function is greater than account's unreserved concurrency [1000].");
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                .provisionedConcurrentExecutions(1000)), 400, "InvalidParameterValueException", "Specified"
                        + " ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below"
                        + " its minimum value of [100].");
        lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                .provisionedConcurrentExecutions(900));
        lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                .provisionedConcurrentExecutions(900)); // replacing its own config is no second 900
    }

    /** TestLambdaConcurrency::test_reserved_provisioned_overlap. */
    @Test
    void staysWithinTheFunctionsReservedConcurrency() {
        lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                .provisionedConcurrentExecutions(2));
        assertAwsError(() -> lambda.putFunctionConcurrency(b -> b.functionName("fn").reservedConcurrentExecutions(1)),
                400, "InvalidParameterValueException", " ReservedConcurrentExecutions  1 should not be lower than"
                        + " function's total provisioned concurrency [2].");
        lambda.putFunctionConcurrency(b -> b.functionName("fn").reservedConcurrentExecutions(2));
        lambda.updateFunctionConfiguration(b -> b.functionName("fn").timeout(15));
        assertThat(lambda.publishVersion(b -> b.functionName("fn")).version()).isEqualTo("2");
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("2")
                .provisionedConcurrentExecutions(1)), 400, "InvalidParameterValueException", "Requested Provisioned"
                        + " Concurrency should not be greater than the reservedConcurrentExecution for function");
        assertAwsError(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                .provisionedConcurrentExecutions(3)), 400, "InvalidParameterValueException", "Requested Provisioned"
                        + " Concurrency should not be greater than the reservedConcurrentExecution for function");
    }

    /** IN_PROGRESS lasts the activation delay (TestLambdaConcurrency::test_reserved_provisioned_overlap, prewait). */
    @Test
    void isInProgressUntilTheActivationDelayHasPassed(@TempDir Path other) throws Exception {
        try (Emulator slow = Emulator.start(EmulatorFixture.options(other).activationDelay(Duration.ofHours(1))
                .build()); LambdaClient client = EmulatorFixture.lambda(slow)) {
            client.createFunction(createRequest("fn", zip("a", "1")).publish(true).build());
            client.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1")
                    .provisionedConcurrentExecutions(2));
            var pending = client.getProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("1"));
            assertThat(pending.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.IN_PROGRESS);
            assertThat(pending.allocatedProvisionedConcurrentExecutions()).isZero();
            assertThat(pending.requestedProvisionedConcurrentExecutions()).isEqualTo(2);
        }
    }
}
