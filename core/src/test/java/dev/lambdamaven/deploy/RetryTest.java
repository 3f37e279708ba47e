package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class RetryTest {

    private final List<Long> sleeps = new ArrayList<>();
    private final Retry retry = new Retry(sleeps::add, DeployLog.SILENT);

    @Test
    void conflictsAndThrottlingAreRetriedWithGrowingDelays() {
        AtomicInteger calls = new AtomicInteger();
        String result = retry.call("Update", () -> {
            int n = calls.incrementAndGet();
            if (n == 1) throw ResourceConflictException.builder().message("update in progress").build();
            if (n == 2) throw TooManyRequestsException.builder().message("slow down").build();
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(sleeps).containsExactly(500L, 1000L);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("Update", () -> {
            calls.incrementAndGet();
            throw ResourceConflictException.builder().message("busy").build();
        })).isInstanceOf(ResourceConflictException.class);
        assertThat(calls).hasValue(Retry.ATTEMPTS);
        assertThat(sleeps).last().isEqualTo(10_000L);
    }

    @Test
    void otherErrorsAreNotRetried() {
        assertThatThrownBy(() -> retry.call("Update", () -> {
            throw InvalidParameterValueException.builder().message("bad").build();
        })).isInstanceOf(InvalidParameterValueException.class);
        assertThat(sleeps).isEmpty();
    }
}
