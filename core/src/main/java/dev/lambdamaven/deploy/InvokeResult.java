package dev.lambdamaven.deploy;

/**
 * The answer of one synchronous invocation.
 *
 * @param executedVersion  the version that ran (with a weighted alias, the one the weights chose)
 * @param functionError    {@code null}, or {@code Unhandled} / {@code Handled} when the function failed
 * @param payload          the response, or the error document
 * @param logTail          the last 4 KB of the invocation's log, decoded; empty when the target sent none
 */
public record InvokeResult(String executedVersion, String functionError, String payload, String logTail) {

    public boolean failed() {
        return functionError != null;
    }
}
