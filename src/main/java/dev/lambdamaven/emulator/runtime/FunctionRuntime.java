package dev.lambdamaven.emulator.runtime;

/**
 * Runs function code for the emulator's Invoke API: execution environments as child processes, fed through
 * the Lambda Runtime API. The emulator resolves the function, qualifier, alias weights, state and
 * concurrency before it calls {@link #invoke}; the runtime owns processes, task directories and timeouts.
 */
public interface FunctionRuntime extends AutoCloseable {

    /** Runs one invocation synchronously (RequestResponse or Event) in a warm or a new environment. */
    InvocationResult invoke(InvocationRequest request) throws InterruptedException;

    /** Where functions' AWS SDK clients reach the emulator (KMS, Lambda, S3), told once the emulator listens. */
    default void serviceEndpoint(java.net.URI endpoint) {}

    /** Stops every execution environment this runtime started. */
    @Override
    void close();
}
