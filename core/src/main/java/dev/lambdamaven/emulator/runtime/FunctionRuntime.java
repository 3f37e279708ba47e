package dev.lambdamaven.emulator.runtime;

/**
 * Runs function code for the emulator's Invoke API: execution environments as child processes, fed through
 * the Lambda Runtime API. The emulator resolves the function, qualifier, alias weights, state and
 * concurrency before it calls {@link #invoke}; the runtime owns processes, task directories and timeouts.
 */
public interface FunctionRuntime extends AutoCloseable {

    /** Runs one invocation synchronously (RequestResponse or Event) in a warm or a new environment. */
    InvocationResult invoke(InvocationRequest request) throws InterruptedException;

    /**
     * SnapStart at publish: runs the initialisation of {@code template}'s version once, up to its
     * {@code beforeCheckpoint} hooks, and keeps that environment as the version's snapshot, from which the next new
     * environment of the version restores. Returns when it is taken: {@code null}, or why the function's init or its
     * hooks failed (its environments then initialise anew, and fail the same way).
     */
    default String snapshot(InvocationRequest template) throws InterruptedException {
        return null;
    }

    /**
     * Keeps {@code count} environments of {@code template}'s function version started ahead and warm under
     * {@code name} (provisioned concurrency), replacing those of another version or configuration; 0 (or a
     * {@code null} template) ends them. Returns at once: environments start in the background.
     */
    default void provision(String name, InvocationRequest template, int count) {}

    /**
     * Starts one environment of {@code template}'s version in the background, unless one is idle already, for the
     * next invocation to take warm (the emulator's {@code warmAfterUpdate}).
     */
    default void prestart(InvocationRequest template) {}

    /** How far the environments provisioned under {@code name} are. */
    default ProvisionState provisioned(String name) {
        return ProvisionState.NONE;
    }

    /**
     * Environments provisioned under a name: the function version they run ({@code null}: none), how many have
     * initialised (asked for their first event), why the rest
     * failed to start ({@code null} unless one did), and why none can run on this machine ({@code null} unless so:
     * an unsupported runtime or platform, no suitable JDK), which AWS would run.
     */
    record ProvisionState(String version, int ready, String failure, String notRunnableHere) {
        public static final ProvisionState NONE = new ProvisionState(null, 0, null, null);
    }

    /** Where functions' AWS SDK clients reach the emulator (KMS, Lambda, S3), told once the emulator listens. */
    default void serviceEndpoint(java.net.URI endpoint) {}

    /** Stops every execution environment this runtime started. */
    @Override
    void close();
}
