package dev.lambdamaven.emulator.runtime;

/**
 * The outcome of one invocation, as the Invoke API reports it.
 *
 * @param payload        the response (or the error document when {@code functionError} is set)
 * @param functionError  {@code null}, {@code Unhandled} or {@code Handled}
 * @param logTail        the last 4 KB of the invocation's log (plain text, the API base64-encodes it)
 */
public record InvocationResult(byte[] payload, String functionError, String logTail) {}
