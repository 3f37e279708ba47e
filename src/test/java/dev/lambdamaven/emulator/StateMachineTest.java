package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/** Pending -> Active, InProgress -> Successful, the 409s in between, and the SDK v2 waiters. */
class StateMachineTest {

    @TempDir
    Path dir;

    @Test
    void statesAdvanceAndWaitersWork() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir)
                        .activationDelay(Duration.ofMillis(1500)).updateDelay(Duration.ofMillis(1500)).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator);
                LambdaWaiter waiter = LambdaWaiter.builder().client(lambda)
                        .overrideConfiguration(c -> c.maxAttempts(20)).build()) {
            var created = lambda.createFunction(createRequest("w", zip("a", "1")).build());
            assertThat(created.state()).isEqualTo(State.PENDING);
            assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
            assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("w").timeout(5)))
                    .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("The operation cannot be performed at this"
                                    + " time. The function is currently in the following state: Pending"));

            var active = waiter.waitUntilFunctionActiveV2(b -> b.functionName("w")).matched().response().get();
            assertThat(active.configuration().state()).isEqualTo(State.ACTIVE);
            assertThat(active.configuration().revisionId()).isNotEqualTo(created.revisionId());

            var updating = lambda.updateFunctionCode(b -> b.functionName("w")
                    .zipFile(SdkBytes.fromByteArray(zip("a", "2"))));
            assertThat(updating.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
            assertThatThrownBy(() -> lambda.publishVersion(b -> b.functionName("w")))
                    .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("The operation cannot be performed at this"
                                    + " time. An update is in progress for resource:"
                                    + " arn:aws:lambda:us-east-1:123456789012:function:w"));

            var updated = waiter.waitUntilFunctionUpdatedV2(b -> b.functionName("w")).matched().response().get();
            assertThat(updated.configuration().lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);

            // AWS answers PublishVersion of a zip function without SnapStart with State Active and LastUpdateStatus
            // Successful (recorded against AWS: localstack tests/aws/services/lambda_/test_lambda_api.snapshot.json,
            // test_version_lifecycle, first_publish_response, 2025-11-25)
            var publishAnswer = lambda.publishVersion(b -> b.functionName("w"));
            assertThat(publishAnswer.state()).isEqualTo(State.ACTIVE);
            assertThat(publishAnswer.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
            var published = waiter.waitUntilPublishedVersionActive(b -> b.functionName("w")
                    .qualifier(publishAnswer.version())).matched().response().get();
            assertThat(published.state()).isEqualTo(State.ACTIVE);
            assertThat(published.revisionId()).isEqualTo(publishAnswer.revisionId());
        }
    }

    @Test
    void aVersionPublishedWithACreateIsPendingUntilTheFunctionIsActive() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir)
                        .activationDelay(Duration.ofMillis(800)).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator);
                LambdaWaiter waiter = LambdaWaiter.builder().client(lambda).overrideConfiguration(c -> c
                        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100)))).build()) {
            var created = lambda.createFunction(createRequest("p", zip("a", "1")).publish(true).build());
            assertThat(created.version()).isEqualTo("1");
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("p").qualifier("1")).state())
                    .isEqualTo(State.PENDING);
            var active = waiter.waitUntilPublishedVersionActive(b -> b.functionName("p").qualifier("1"))
                    .matched().response().get();
            assertThat(active.state()).isEqualTo(State.ACTIVE);
        }
    }

    @Test
    void stateIsComputedFromStoredTimesSoItSurvivesARestart() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir)
                        .activationDelay(Duration.ofMillis(300)).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            assertThat(lambda.createFunction(createRequest("r", zip("a", "1")).build()).state())
                    .isEqualTo(State.PENDING);
        }
        Thread.sleep(400);
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("r")).state()).isEqualTo(State.ACTIVE);
        }
    }
}
