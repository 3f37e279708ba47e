package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One execution environment: a child process running a runtime that polls the Runtime API for events, one
 * invocation at a time. Its stdout and stderr go to a file, so the output a handler wrote before posting its
 * response is on disk when the response arrives and each invocation's log is cut from the file by offsets.
 */
final class ExecutionEnvironment {

    /** Put in the inbox to release a {@code /next} poll when the environment stops. */
    private static final PendingInvocation STOP = new PendingInvocation(null);

    final String id;
    final EnvironmentKey key;
    private final Path directory;
    private final Path outputFile;
    private final Path pidFile;
    private final BlockingQueue<PendingInvocation> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    /** SnapStart: when the runtime client, its init and beforeCheckpoint hooks done, asked {@code /restore/next}. */
    private final CompletableFuture<Long> checkpointed = new CompletableFuture<>();
    /** SnapStart: when the emulator answered {@code /restore/next} (-1: it never will, the environment stops). */
    private final CompletableFuture<Long> restoreSignal = new CompletableFuture<>();
    private volatile boolean restoreReported;
    private final Consumer<ExecutionEnvironment> onStopped;

    private volatile Process process;
    private volatile long runtimePid = -1;
    private boolean supervised;
    /** Every process killed below the supervisor, waited for by {@link #stop}. */
    private final Set<ProcessHandle> killed = ConcurrentHashMap.newKeySet();
    private long startNanos;
    private volatile PendingInvocation current;
    private volatile byte[] earlyInitError;
    private volatile boolean stopped;
    private volatile boolean initReported;
    /** Output bytes already attributed to an earlier invocation's log. */
    private long outputConsumed;
    private volatile long idleSinceNanos = System.nanoTime();
    /** The provisioned concurrency config it was started for ({@code null}: on demand), which keeps it warm. */
    private volatile String provisionedAs;

    ExecutionEnvironment(String id, EnvironmentKey key, Path directory, Consumer<ExecutionEnvironment> onStopped) {
        this.id = id;
        this.key = key;
        this.directory = directory;
        this.outputFile = directory.resolve("output.log");
        this.pidFile = directory.resolve("runtime.pid");
        this.onStopped = onStopped;
    }

    Path directory() {
        return directory;
    }

    /**
     * Starts the runtime process under the {@link EnvironmentSupervisor}, which ends it when this emulator's process
     * ends; its output is appended to this environment's output file.
     */
    void start(ProcessBuilder builder) throws IOException {
        Files.createDirectories(directory);
        Files.deleteIfExists(outputFile);
        Files.createFile(outputFile);
        List<String> command = builder.command();
        builder.command(EnvironmentSupervisor.wrap(command, pidFile));
        supervised = !builder.command().equals(command);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()));
        startNanos = System.nanoTime();
        process = builder.start();
        // stdin stays open, never written: the supervisor's sign that this emulator is alive
        process.onExit().thenAccept(p -> processEnded(p.exitValue()));
    }

    /** The runtime's process id (the JVM or {@code bootstrap}, below its supervisor), or -1 before it started. */
    long pid() {
        Process p = process;
        if (p == null) {
            return -1;
        }
        if (runtimePid < 0) {
            runtimePid = EnvironmentSupervisor.runtimePid(pidFile).orElse(-1L);
        }
        return runtimePid > 0 ? runtimePid : p.pid();
    }

    boolean isUsable() {
        return !stopped && process.isAlive();
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /**
     * Started ahead for provisioned concurrency under {@code name}: never stopped for being idle, and its
     * initialisation is not an invocation's (no {@code Init Duration}, as on AWS); {@code null} makes it on demand.
     */
    void provisionedAs(String name) {
        if (name != null) {
            initReported = true;
        }
        provisionedAs = name;
    }

    /** Started ahead of any invocation (warm after an update): its init is no invocation's (no {@code Init Duration}). */
    void startedAhead() {
        initReported = true;
    }

    String provisionedAs() {
        return provisionedAs;
    }

    // ---- SnapStart ------------------------------------------------------------------------------------------

    /**
     * {@code /restore/next}: the runtime client has run the function's init and its {@code beforeCheckpoint} hooks,
     * where Lambda takes the snapshot; blocks until the emulator restores the environment. False when it stops first.
     */
    boolean awaitRestore() throws InterruptedException {
        checkpointed.complete(System.nanoTime());
        try {
            return restoreSignal.get() >= 0;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /**
     * Waits until the environment has reached its checkpoint ({@code /restore/next}); false when it failed first
     * (an init error, the process ended) or took longer than {@code timeout}.
     */
    boolean awaitCheckpoint(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (checkpointed.isDone()) {
                return true;
            }
            if (stopped || earlyInitError != null || !process.isAlive()) {
                return false;
            }
            try {
                checkpointed.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // not yet
            }
        }
        return checkpointed.isDone();
    }

    /**
     * Lets the runtime client run the {@code afterRestore} hooks and go on to its first event. {@code fromSnapshot}:
     * the environment was checkpointed ahead (at publish), so its init and hooks belong to the snapshot, not to the
     * first invocation's log (no {@code Init Duration}, as on AWS).
     */
    void restore(boolean fromSnapshot) {
        if (fromSnapshot) {
            initReported = true;
            outputConsumed = outputSize();
        }
        restoreSignal.complete(System.nanoTime());
    }

    /**
     * Why the environment did not reach its checkpoint, in the words of the runtime client's init error document, or
     * how its process ended.
     */
    String checkpointFailure() {
        byte[] error = earlyInitError;
        if (error != null) {
            return new String(error, java.nio.charset.StandardCharsets.UTF_8);
        }
        return process.isAlive() ? "the init did not finish in time" : "the runtime exited with status "
                + process.exitValue();
    }

    /** The after-restore hooks failed ({@code /restore/error}): as an init error, for the current or next invocation. */
    void restoreFailed(byte[] errorDocument) {
        initFailed(errorDocument);
    }

    /** The restore duration to report, once: from the restore to the first {@code /next}. */
    private double reportRestore(long endNanos) {
        long restoredAt = restoreSignal.getNow(-1L);
        if (restoreReported || restoredAt < 0) {
            return -1;
        }
        restoreReported = true;
        return (firstPoll.getNow(endNanos) - restoredAt) / 1e6;
    }

    /** Whether the runtime has initialised and asked for its first event. */
    boolean initialized() {
        return firstPoll.isDone();
    }

    // ---- called by the Runtime API server --------------------------------------------------------------

    /** Blocks until an event is there for the runtime; {@code null} when the environment stops. */
    PendingInvocation awaitNext() throws InterruptedException {
        firstPoll.complete(System.nanoTime());
        while (true) {
            PendingInvocation next = inbox.take();
            if (next == STOP) {
                inbox.offer(STOP);
                return null;
            }
            if (next.outcome.isDone()) {
                continue; // ended (timed out) before the runtime asked for it
            }
            next.outputOffsetAtDispatch = outputSize();
            next.deadlineEpochMillis = System.currentTimeMillis() + next.request.timeoutSeconds() * 1000L;
            next.dispatched.complete(System.nanoTime());
            return next;
        }
    }

    /** Ends the current invocation with what the runtime posted; false when the id is not the current one. */
    boolean post(String requestId, Outcome outcome) {
        PendingInvocation inv = current;
        if (inv == null || !inv.requestId.equals(requestId)) {
            return false;
        }
        inv.finish(outcome);
        return true;
    }

    /** The runtime could not initialize: the current (or next) invocation fails with its error document. */
    void initFailed(byte[] errorDocument) {
        earlyInitError = errorDocument;
        PendingInvocation inv = current;
        if (inv != null) {
            inv.finish(new Outcome(Outcome.Kind.ENVIRONMENT_FAILED, errorDocument));
        }
    }

    private void processEnded(int exitValue) {
        PendingInvocation inv = current;
        if (inv == null) {
            stop(); // died while idle
        } else {
            // the invoking thread reads the output, then stops the environment
            inv.finish(new Outcome(Outcome.Kind.ENVIRONMENT_FAILED, LambdaErrors.exited(inv.requestId, exitValue)));
        }
    }

    // ---- called by the invoking thread -----------------------------------------------------------------

    /** Runs one invocation here and returns its result; the environment is stopped if it failed. */
    InvocationResult invoke(PendingInvocation inv, Duration initTimeout) throws InterruptedException {
        long queuedNanos = System.nanoTime();
        current = inv;
        byte[] initError = earlyInitError;
        if (initError != null) {
            inv.finish(new Outcome(Outcome.Kind.ENVIRONMENT_FAILED, initError));
        } else if (!process.isAlive()) {
            inv.finish(new Outcome(Outcome.Kind.ENVIRONMENT_FAILED,
                    LambdaErrors.exited(inv.requestId, process.exitValue())));
        }
        inbox.add(inv);

        Outcome outcome = await(inv, initTimeout);
        long endNanos = System.nanoTime();
        long maxMemoryMb = ProcessMemory.peakResidentMegabytes(pid());
        InvocationLog log = logOf(inv, outcome, queuedNanos, endNanos, maxMemoryMb);
        if (!outcome.keepsEnvironment()) {
            stop();
        }
        current = null;
        idleSinceNanos = System.nanoTime();
        String functionError = outcome.kind() == Outcome.Kind.RESPONSE ? null : "Unhandled";
        return new InvocationResult(outcome.payload(), functionError, log.tail());
    }

    private Outcome await(PendingInvocation inv, Duration initTimeout) throws InterruptedException {
        double limitSeconds = initTimeout.toMillis() / 1000.0;
        try {
            long dispatchedAt = inv.dispatched.get(initTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (dispatchedAt >= 0) {
                limitSeconds = inv.request.timeoutSeconds();
                long remaining = inv.deadlineEpochMillis - System.currentTimeMillis();
                return inv.outcome.get(Math.max(0, remaining), TimeUnit.MILLISECONDS);
            }
            return inv.outcome.join();
        } catch (TimeoutException e) {
            Outcome timedOut = new Outcome(Outcome.Kind.TIMED_OUT,
                    LambdaErrors.timeout(inv.requestId, limitSeconds));
            inv.finish(timedOut);
            return inv.outcome.join(); // a response that raced the deadline wins, as the first ending
        } catch (ExecutionException e) {
            throw new IllegalStateException("invocation futures never fail", e);
        }
    }

    private InvocationLog logOf(PendingInvocation inv, Outcome outcome, long queuedNanos, long endNanos,
            long maxMemoryMb) {
        long dispatchNanos = inv.dispatched.getNow(-1L);
        boolean wasDispatched = dispatchNanos >= 0;
        long end = outputSize();
        long split = wasDispatched ? inv.outputOffsetAtDispatch : end;
        InvocationLog log = new InvocationLog();
        log.append(readOutput(outputConsumed, split));
        log.start(inv.requestId, inv.request.version());
        log.append(readOutput(split, end));
        outputConsumed = end;
        double durationMillis = (endNanos - (wasDispatched ? dispatchNanos : queuedNanos)) / 1e6;
        if (outcome.kind() == Outcome.Kind.TIMED_OUT) {
            log.line(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + inv.requestId + " Task timed out after "
                    + LambdaErrors.seconds(inv.request.timeoutSeconds()) + " seconds");
        }
        log.end(inv.requestId);
        double restoreMillis = reportRestore(endNanos);
        double initMillis = reportInit(endNanos);
        log.report(inv.requestId, durationMillis, inv.request.memoryMb(), maxMemoryMb, initMillis, restoreMillis);
        return log;
    }

    /** The init duration to report, once: on the first invocation of an on-demand environment. */
    private double reportInit(long endNanos) {
        double initMillis = -1;
        if (!initReported) {
            initReported = true;
            // a SnapStart environment that initialised on demand: its init ends at its checkpoint
            initMillis = (checkpointed.getNow(firstPoll.getNow(endNanos)) - startNanos) / 1e6;
        }
        return initMillis;
    }

    private long outputSize() {
        try {
            return Files.size(outputFile);
        } catch (IOException e) {
            return outputConsumed;
        }
    }

    /** The environment's output between two offsets, at most the last {@link InvocationLog#TAIL_BYTES}. */
    private byte[] readOutput(long from, long to) {
        long start = Math.max(from, to - InvocationLog.TAIL_BYTES);
        if (to <= start) {
            return new byte[0];
        }
        try (RandomAccessFile file = new RandomAccessFile(outputFile.toFile(), "r")) {
            byte[] bytes = new byte[(int) (to - start)];
            file.seek(start);
            file.readFully(bytes);
            return bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    // ---- lifecycle --------------------------------------------------------------------------------------

    /**
     * Kills the process and everything it started, and removes the environment's files. Idempotent; a second
     * caller waits until the first is done, so that "stopped" means gone for everyone.
     */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        inbox.offer(STOP);
        restoreSignal.complete(-1L);
        if (process != null) {
            killRuntime();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            // the supervisor reaps the runtime and its watcher, then exits: killed at once with them, it would leave
            // them to init, whose reaping can lag (they would look alive after stop returned)
            awaitExit(process.toHandle(), deadline);
            process.destroyForcibly();
            awaitExit(process.toHandle(), deadline);
            for (ProcessHandle killed : killed) {
                awaitExit(killed, deadline);
            }
        }
        deleteDirectory(directory);
        onStopped.accept(this);
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
        try {
            handle.onExit().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // killed with SIGKILL: the kernel reaps it; nothing more to do
        }
    }

    /**
     * Kills the runtime and everything it started (and the supervisor's watcher), without waiting, and leaves the
     * supervisor to reap them and exit. Without a supervisor (no bash) the runtime is the process itself.
     */
    void killRuntime() {
        Process p = process;
        if (p != null) {
            closeQuietly(p.getOutputStream());
            List<ProcessHandle> doomed = new ArrayList<>(p.toHandle().descendants().toList());
            if (!supervised) {
                doomed.add(p.toHandle());
            }
            doomed.forEach(ProcessHandle::destroyForcibly);
            killed.addAll(doomed);
        }
    }

    private static void closeQuietly(java.io.OutputStream pipe) {
        try {
            pipe.close();
        } catch (IOException e) {
            // the supervisor is gone already
        }
    }

    static List<ProcessHandle> killTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        return tree;
    }

    static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover directory is cleaned with the work directory
        }
    }
}
