package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

class StateWaiterTest {

    private final List<Long> sleeps = new ArrayList<>();
    private final List<GetFunctionConfigurationRequest> polls = new ArrayList<>();
    private final Deque<GetFunctionConfigurationResponse> answers = new ArrayDeque<>();
    private final RecordingLog log = new RecordingLog();
    private long nanos;

    private final LambdaClient lambda = new LambdaClient() {
        @Override
        public GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest request) {
            polls.add(request);
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }

        @Override
        public String serviceName() {
            return "lambda";
        }

        @Override
        public void close() {}
    };

    private final StateWaiter waiter = new StateWaiter(lambda, millis -> {
        sleeps.add(millis);
        nanos += millis * 1_000_000;
    }, () -> nanos, Duration.ofSeconds(30), log);

    private static GetFunctionConfigurationResponse config(Consumer<GetFunctionConfigurationResponse.Builder> c) {
        GetFunctionConfigurationResponse.Builder b = GetFunctionConfigurationResponse.builder()
                .functionArn("arn:aws:lambda:us-east-1:123456789012:function:orders");
        c.accept(b);
        return b.build();
    }

    @Test
    void anAnswerThatIsAlreadySettledIsNotPolled() {
        var status = waiter.settle("version 1 of orders", "orders", "1", PublishVersionResponse.builder()
                .state("Active").lastUpdateStatus("Successful").revisionId("r1").version("1").build());

        assertThat(polls).isEmpty();
        assertThat(sleeps).isEmpty();
        assertThat(status.revisionId()).isEqualTo("r1");
    }

    @Test
    void aPendingFunctionIsPolledWithShortGrowingDelaysUntilActive() {
        answers.add(config(b -> b.state("Pending").revisionId("r1")));
        answers.add(config(b -> b.state("Pending").revisionId("r1")));
        answers.add(config(b -> b.state("Active").lastUpdateStatus("Successful").revisionId("r2")));

        var status = waiter.settle("the new function orders", "orders", null,
                CreateFunctionResponse.builder().state("Pending").stateReasonCode("Creating").revisionId("r1").build());

        assertThat(sleeps).containsExactly(20L, 30L, 45L);
        assertThat(polls).extracting(GetFunctionConfigurationRequest::functionName).containsOnly("orders");
        assertThat(polls).extracting(GetFunctionConfigurationRequest::qualifier).containsOnlyNulls();
        assertThat(status.revisionId()).as("the revision after the change settled").isEqualTo("r2");
        assertThat(status.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders");
    }

    @Test
    void anUpdateInProgressWaitsForLastUpdateStatusAndAPublishedVersionIsPolledByItsQualifier() {
        answers.add(config(b -> b.state("Active").lastUpdateStatus("Successful").revisionId("r3")));
        waiter.settle("the code update of orders", "orders", null,
                UpdateFunctionCodeResponse.builder().state("Active").lastUpdateStatus("InProgress").build());
        assertThat(polls).hasSize(1);

        answers.clear();
        answers.add(config(b -> b.state("Active")));
        waiter.settle("version 4 of orders", "orders", "4",
                PublishVersionResponse.builder().state("Pending").version("4").build());
        assertThat(polls).last().extracting(GetFunctionConfigurationRequest::qualifier).isEqualTo("4");
    }

    @Test
    void delaysGrowToOneSecondAtMostAndTheTimeoutNamesWhatItWaitedFor() {
        answers.add(config(b -> b.state("Pending").stateReasonCode("Creating")
                .stateReason("The function is being created.")));

        assertThatThrownBy(() -> waiter.settle("the new function orders", "orders", null,
                CreateFunctionResponse.builder().state("Pending").build()))
                .isInstanceOf(DeployException.class)
                .hasMessage("Timed out after 30.0 s waiting for the new function orders to be ready; Lambda last said"
                        + " State Pending (Creating: The function is being created.). Check the function in the"
                        + " Lambda console, then run the deployment again");
        assertThat(sleeps).startsWith(20L, 30L, 45L, 67L, 100L, 150L, 225L, 337L, 505L, 757L, 1000L);
        assertThat(sleeps.stream().mapToLong(Long::longValue).max()).hasValue(1000L);
        assertThat(log.text()).contains("INFO Still waiting for the new function orders to be ready"
                + " (State Pending (Creating: The function is being created.), 10.");
    }

    @Test
    void aFailedChangeFailsWithLambdasReason() {
        answers.add(config(b -> b.state("Failed").stateReasonCode("SubnetOutOfIPAddresses")
                .stateReason("Lambda was not able to set up VPC access").lastUpdateStatus("Failed")));

        assertThatThrownBy(() -> waiter.settle("the new function orders", "orders", null,
                CreateFunctionResponse.builder().state("Pending").build()))
                .isInstanceOf(DeployException.class)
                .hasMessage("Lambda reports that the new function orders failed: State Failed"
                        + " (SubnetOutOfIPAddresses: Lambda was not able to set up VPC access), LastUpdateStatus Failed");
    }

    /**
     * A SnapStart version is published Pending while Lambda takes its snapshot, then Active with OptimizationStatus On
     * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html): the publish waits for both.
     */
    @Test
    void aSnapStartVersionIsWaitedForUntilItsSnapshotIsInUse() {
        answers.add(config(b -> b.state("Active").lastUpdateStatus("Successful")
                .snapStart(s -> s.applyOn("PublishedVersions").optimizationStatus("Off"))));
        answers.add(config(b -> b.state("Active").lastUpdateStatus("Successful").revisionId("r9")
                .snapStart(s -> s.applyOn("PublishedVersions").optimizationStatus("On"))));

        var status = waiter.settle("version 3 of orders", "orders", "3", PublishVersionResponse.builder()
                .state("Pending").snapStart(s -> s.applyOn("PublishedVersions").optimizationStatus("Off")).version("3")
                .build());

        assertThat(polls).extracting(GetFunctionConfigurationRequest::qualifier).containsExactly("3", "3");
        assertThat(status.optimizationStatus()).isEqualTo("On");
        assertThat(status.revisionId()).isEqualTo("r9");
        var latest = waiter.settle("the update of orders", "orders", null, UpdateFunctionCodeResponse.builder()
                .state("Active").lastUpdateStatus("Successful")
                .snapStart(s -> s.applyOn("PublishedVersions").optimizationStatus("Off")).build());
        assertThat(latest.optimizationStatus()).as("$LATEST never runs from a snapshot: not waited for").isEqualTo("Off");
        assertThat(polls).hasSize(2);
    }
}
