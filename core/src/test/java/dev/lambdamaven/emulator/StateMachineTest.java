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
            // AWS: https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-invocation.html (ResourceConflict...)
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
            // AWS: LocalStack snapshot (test_lambda_api), TestLambdaFunction::test_lambda_concurrent_code_updates;
            // also https://github.com/aws/aws-cli/issues/6718 (PublishVersion during an update)
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

    /**
     * With the emulator's millisecond delays, a client that looks still sees each transition once, as it would on
     * AWS where they take seconds: the first read after a create or an update shows it in progress (recorded on AWS:
     * LocalStack's test_lambda_api.snapshot.json, test_lambda_code_location_zipfile, get-function-response after the
     * update: LastUpdateStatus InProgress), and a change right after another is refused
     * (test_lambda_concurrent_code_updates); unread, an operation is done a grace period after its delay.
     */
    @Test
    void eachTransitionIsSeenOnceByAClientThatLooks() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).activationDelay(Duration.ofMillis(30))
                        .updateDelay(Duration.ofMillis(30)).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("seen", zip("a", "1")).build());
            Thread.sleep(60); // past the delay, nobody looked yet
            assertThat(lambda.getFunction(b -> b.functionName("seen")).configuration().state())
                    .isEqualTo(State.PENDING);
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("seen")).state()).isEqualTo(State.ACTIVE);

            lambda.updateFunctionCode(b -> b.functionName("seen").zipFile(SdkBytes.fromByteArray(zip("a", "2"))));
            Thread.sleep(60);
            assertThatThrownBy(() -> lambda.updateFunctionCode(b -> b.functionName("seen")
                    .zipFile(SdkBytes.fromByteArray(zip("a", "3"))))).as("a second update before anyone saw the first")
                    .isInstanceOf(ResourceConflictException.class).hasMessageContaining("An update is in progress");
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("seen")).lastUpdateStatus())
                    .isEqualTo(LastUpdateStatus.IN_PROGRESS);
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("seen")).lastUpdateStatus())
                    .isEqualTo(LastUpdateStatus.SUCCESSFUL);

            lambda.updateFunctionCode(b -> b.functionName("seen").zipFile(SdkBytes.fromByteArray(zip("a", "4"))));
            Thread.sleep(30 + 250 + 50); // the delay and the grace: done without a look
            lambda.updateFunctionConfiguration(b -> b.functionName("seen").timeout(9));
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

    /**
     * The state comes from the times stored at the write, not from the delays of the emulator that answers: after
     * restarts with other delays, a function created with an hour's delay is still pending once a shorter delay has
     * passed, and one created with 0.3 s is active under an emulator whose delay is an hour.
     */
    @Test
    void stateIsComputedFromStoredTimesSoItSurvivesARestartWithOtherDelays() throws Exception {
        Duration hour = Duration.ofHours(1);
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).activationDelay(hour).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            assertThat(lambda.createFunction(createRequest("slow", zip("a", "1")).build()).state())
                    .isEqualTo(State.PENDING);
        }
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).activationDelay(Duration.ofMillis(300))
                        .build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            assertThat(lambda.createFunction(createRequest("quick", zip("a", "1")).build()).state())
                    .isEqualTo(State.PENDING);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (lambda.getFunctionConfiguration(b -> b.functionName("quick")).state() == State.PENDING) {
                assertThat(System.nanoTime()).as("quick active within 20 s").isLessThan(deadline);
                Thread.sleep(20); // a poll: activation is due 0.3 s after the create
            }
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("slow")).state())
                    .as("created with an hour's delay, more than 0.3 s ago").isEqualTo(State.PENDING);
        }
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).activationDelay(hour).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("quick")).state())
                    .as("created with 0.3 s, under an emulator whose delay is an hour").isEqualTo(State.ACTIVE);
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("slow")).state()).isEqualTo(State.PENDING);
        }
    }
}
