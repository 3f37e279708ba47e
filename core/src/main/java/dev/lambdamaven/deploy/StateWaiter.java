package dev.lambdamaven.deploy;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.SnapStartResponse;

/**
 * Waits for a change to a function or a version to settle ({@code State} no longer {@code Pending},
 * {@code LastUpdateStatus} no longer {@code InProgress}), and only when Lambda's answer to the change says it has
 * not: then it polls GetFunctionConfiguration with a short delay that grows ({@link #FIRST_DELAY}, x1.5, at most
 * {@link #MAX_DELAY}), until a timeout whose message names what it waited for. The SDK's waiters would sleep a
 * fixed 1 s between polls (5 s for a published version) even when the change takes a few milliseconds.
 */
final class StateWaiter {

    static final Duration FIRST_DELAY = Duration.ofMillis(20);
    static final Duration MAX_DELAY = Duration.ofSeconds(1);
    /** Longer than the SDK's own waiters allow for a function (5 min): a VPC function can take minutes on AWS. */
    static final Duration TIMEOUT = Duration.ofMinutes(15);
    /** When a wait becomes worth a line in the build log, and how often it repeats. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /** What an answer says about a function's state, read the same way from every response that carries it. */
    record Status(String state, String stateReasonCode, String stateReason, String lastUpdateStatus,
                  String lastUpdateStatusReasonCode, String lastUpdateStatusReason, String functionArn,
                  String revisionId, String snapStartApplyOn, String optimizationStatus) {

        static Status of(SdkResponse answer) {
            var snapStart = answer.getValueForField("SnapStart", SnapStartResponse.class);
            return new Status(field(answer, "State"), field(answer, "StateReasonCode"), field(answer, "StateReason"),
                    field(answer, "LastUpdateStatus"), field(answer, "LastUpdateStatusReasonCode"),
                    field(answer, "LastUpdateStatusReason"), field(answer, "FunctionArn"),
                    field(answer, "RevisionId"), snapStart.map(SnapStartResponse::applyOnAsString).orElse(null),
                    snapStart.map(SnapStartResponse::optimizationStatusAsString).orElse(null));
        }

        boolean settled() {
            return !"Pending".equals(state) && !"InProgress".equals(lastUpdateStatus);
        }

        /** A published SnapStart version whose snapshot is not in use yet ({@code OptimizationStatus} not On). */
        boolean snapshotPending() {
            return "PublishedVersions".equals(snapStartApplyOn) && !"On".equals(optimizationStatus);
        }

        boolean failed() {
            return "Failed".equals(state) || "Failed".equals(lastUpdateStatus);
        }

        String describe() {
            StringBuilder text = new StringBuilder("State ").append(state);
            if (snapshotPending()) {
                text.append(", SnapStart OptimizationStatus ").append(optimizationStatus);
            }
            if (stateReasonCode != null || stateReason != null) {
                text.append(" (").append(join(stateReasonCode, stateReason)).append(")");
            }
            if (lastUpdateStatus != null) {
                text.append(", LastUpdateStatus ").append(lastUpdateStatus);
                if (lastUpdateStatusReasonCode != null || lastUpdateStatusReason != null) {
                    text.append(" (").append(join(lastUpdateStatusReasonCode, lastUpdateStatusReason)).append(")");
                }
            }
            return text.toString();
        }

        private static String join(String code, String reason) {
            return code == null ? reason : reason == null ? code : code + ": " + reason;
        }

        private static String field(SdkResponse answer, String name) {
            return answer.getValueForField(name, Object.class).map(Object::toString).orElse(null);
        }
    }

    private final LambdaClient lambda;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final Duration timeout;
    private final DeployLog log;

    StateWaiter(LambdaClient lambda, Sleeper sleeper, LongSupplier nanoClock, Duration timeout, DeployLog log) {
        this.lambda = lambda;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
        this.timeout = timeout;
        this.log = log;
    }

    static StateWaiter standard(LambdaClient lambda, DeployLog log) {
        return new StateWaiter(lambda, Thread::sleep, System::nanoTime, TIMEOUT, log);
    }

    /**
     * Returns {@code answer}'s status when it has settled, else polls {@code functionName} at {@code qualifier}
     * ({@code null}: {@code $LATEST}) until it has. {@code what} names the change in messages, e.g.
     * {@code "the new function orders"}.
     *
     * @throws DeployException when it ends {@code Failed} or does not settle within the timeout
     */
    Status settle(String what, String functionName, String qualifier, SdkResponse answer) {
        Status status = until(what, Status.of(answer),
                s -> s.settled() && (qualifier == null || !s.snapshotPending() || s.failed()),
                () -> Status.of(lambda.getFunctionConfiguration(r -> r.functionName(functionName).qualifier(qualifier))),
                Status::describe);
        if (status.failed()) {
            throw new DeployException("Lambda reports that " + what + " failed: " + status.describe());
        }
        return status;
    }

    /**
     * Polls {@code next} (after {@code first}) with the growing delay until {@code done}, logging progress and
     * failing at the timeout with the last answer ({@code describe}); the one wait loop of the deployer.
     */
    <T> T until(String what, T first, Predicate<T> done, Supplier<T> next, Function<T, String> describe) {
        T status = first;
        long start = nanoClock.getAsLong();
        long delayMillis = FIRST_DELAY.toMillis();
        long nextProgress = PROGRESS_EVERY.toNanos();
        int polls = 0;
        while (!done.test(status)) {
            long waited = nanoClock.getAsLong() - start;
            if (waited >= timeout.toNanos()) {
                throw new DeployException("Timed out after " + seconds(waited) + " waiting for " + what
                        + " to be ready; Lambda last said " + describe.apply(status)
                        + ". Check the function in the Lambda console, then run the deployment again");
            }
            if (waited >= nextProgress) {
                log.info("Still waiting for " + what + " to be ready (" + describe.apply(status) + ", "
                        + seconds(waited) + ")");
                nextProgress += PROGRESS_EVERY.toNanos();
            }
            sleep(Math.min(delayMillis, Math.max(1, (timeout.toNanos() - waited) / 1_000_000)), what);
            delayMillis = Math.min(MAX_DELAY.toMillis(), delayMillis * 3 / 2);
            status = next.get();
            polls++;
        }
        if (polls > 0) {
            log.debug(what + " ready after " + polls + " poll(s), " + seconds(nanoClock.getAsLong() - start));
        }
        return status;
    }

    private void sleep(long millis, String what) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Interrupted while waiting for " + what, e);
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
