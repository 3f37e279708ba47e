package dev.lambdamaven.emulator.store;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Deletes blobs nothing references any more, and temp files crashes left behind, on a daemon thread of its own.
 *
 * <p>Other emulators (in this JVM or another process) may share the directory, and writers store a blob before
 * they commit the row that references it. A blob is therefore deleted only when, inside a {@code BEGIN
 * IMMEDIATE} transaction (the database's write lock, shared by every process), (1) no row references it,
 * (2) its file was last written more than the grace period ago ({@link BlobStore#put} also refreshes the time
 * of content it finds already stored), and (3) no reference to it was dropped within the grace period (triggers
 * record that in {@code blob_drops}, in the transaction that drops it).
 * <ul>
 * <li>(1) is checked under the write lock: no reference can commit between the check and the delete.
 * <li>(2) protects writers: a blob about to be referenced is fresh. A writer slower than the grace period, or
 * whose refresh lands between this pass's look at the time and its delete, is stopped by
 * {@link BlobStore#requirePresent} in its own write transaction: what is present there stays until its commit.
 * <li>(3) protects readers: Invoke (a new execution environment unpacks the code and layer zips of the
 * version it resolved), {@code Code.Location}, GetObject, code from S3 and multipart completion resolve a path
 * in one transaction and open the file after it. The reference they saw can only be dropped after they saw it,
 * so they have the grace period to open the file (which stays readable once open). An Event invocation may
 * wait in its queue for longer: it {@linkplain BlobStore#pin pins} its zips until it ran (in this emulator).
 * </ul>
 * Temp files are deleted once untouched for the grace period (a running write keeps touching its own).
 *
 * <p>Passes are asked for at start and after calls that drop references; a pass that keeps something not yet
 * due asks for another when it is. At most one pass runs and one waits; the callers never wait, and a failed
 * pass only leaves garbage for the next one.
 */
public final class BlobCollector implements AutoCloseable {

    /** What one pass deleted: blob hashes and temp file names. */
    public record Collected(List<String> blobs, List<String> temps) {}

    /** The timer and the file clock differ slightly: a follow-up comes a little late rather than early. */
    private static final long FOLLOW_UP_SLACK_MS = 250;

    private final BlobSweep sweep;
    private final ScheduledThreadPoolExecutor thread;
    private CompletableFuture<Collected> pending; // asked for, not started; guarded by this
    private CompletableFuture<Collected> latest = CompletableFuture.completedFuture(new Collected(List.of(),
            List.of()));
    private ScheduledFuture<?> followUp;

    public BlobCollector(Database db, BlobStore blobs, Duration gracePeriod) {
        this.sweep = new BlobSweep(db, blobs, gracePeriod);
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "lambda-emulator-blob-collector");
            t.setDaemon(true);
            return t;
        });
        thread.setKeepAliveTime(30, TimeUnit.SECONDS);
        thread.allowCoreThreadTimeOut(true);
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Asks for a pass that starts after this call, joining one that has not started yet. Returns at once; the
     * future completes when that pass has run (exceptionally if it failed or the collector closed first).
     */
    public synchronized CompletableFuture<Collected> request() {
        if (pending == null) {
            CompletableFuture<Collected> next = new CompletableFuture<>();
            try {
                thread.execute(() -> run(next));
            } catch (RejectedExecutionException e) {
                next.cancel(false); // closed
                return next;
            }
            pending = next;
            latest = next;
        }
        return pending;
    }

    /** The pass asked for last (tests wait for the one an API call asked for). */
    public synchronized CompletableFuture<Collected> latest() {
        return latest;
    }

    private void run(CompletableFuture<Collected> pass) {
        synchronized (this) {
            pending = null; // from now on a request needs a pass of its own: this one may miss its change
        }
        try {
            BlobSweep.Outcome outcome = sweep.run();
            followUp(outcome.nextDue());
            pass.complete(outcome.collected());
        } catch (IOException | RuntimeException e) {
            // swallowed: the call that asked has been answered, nothing is lost, and the next pass starts over
            pass.completeExceptionally(e);
        }
    }

    private synchronized void followUp(long due) {
        if (due == Long.MAX_VALUE) {
            return;
        }
        long delay = Math.max(0, due - System.currentTimeMillis()) + FOLLOW_UP_SLACK_MS;
        if (followUp != null && !followUp.isDone() && followUp.getDelay(TimeUnit.MILLISECONDS) <= delay) {
            return;
        }
        if (followUp != null) {
            followUp.cancel(false);
        }
        try {
            followUp = thread.schedule(this::request, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nothing to follow up
        }
    }

    /** Stops the thread; a pass in progress gets a moment to finish before the database closes. */
    @Override
    public void close() {
        sweep.stop(); // a pass still waiting for the write lock then deletes nothing after close returns
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
