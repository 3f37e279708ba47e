package dev.lambdamaven.emulator.runtime;

import dev.lambdamaven.emulator.http.Ids;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One invocation on its way through an environment: queued by the caller, handed to the runtime by
 * {@code /next} ({@link #dispatched}), ended by a response, an error, the process ending or the caller's
 * timeout ({@link #outcome}).
 */
final class PendingInvocation {

    final String requestId;
    final String traceId = newTraceId();
    final InvocationRequest request;
    /** Completed with the dispatch time ({@link System#nanoTime()}) when the runtime receives the event. */
    final CompletableFuture<Long> dispatched = new CompletableFuture<>();
    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    /** Set at dispatch: when the handler must be done, as AWS reports it in {@code Lambda-Runtime-Deadline-Ms}. */
    volatile long deadlineEpochMillis;
    /** Set at dispatch: how many bytes of the environment's output precede this invocation's own. */
    volatile long outputOffsetAtDispatch;

    PendingInvocation(InvocationRequest request) {
        this.request = request;
        this.requestId = request != null && request.requestId() != null ? request.requestId() : Ids.uuid();
    }

    /** Ends the invocation; the first ending wins. A failure before dispatch also releases the waiting caller. */
    boolean finish(Outcome result) {
        boolean first = outcome.complete(result);
        dispatched.complete(-1L);
        return first;
    }

    /** The X-Ray trace header AWS passes in {@code Lambda-Runtime-Trace-Id} (an id, not a secret). */
    private static String newTraceId() {
        byte[] id = new byte[12];
        byte[] parent = new byte[8];
        ThreadLocalRandom.current().nextBytes(id);
        ThreadLocalRandom.current().nextBytes(parent);
        long epochSeconds = System.currentTimeMillis() / 1000;
        return "Root=1-" + Long.toHexString(epochSeconds) + "-" + HexFormat.of().formatHex(id)
                + ";Parent=" + HexFormat.of().formatHex(parent) + ";Sampled=0;Lineage=1:00000000:0";
    }
}
