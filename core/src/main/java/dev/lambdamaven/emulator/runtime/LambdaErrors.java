package dev.lambdamaven.emulator.runtime;

import dev.lambdamaven.emulator.http.Json;

/**
 * The error documents the Lambda service itself writes (as opposed to those a runtime posts), in the shape AWS
 * returns them today:
 * <pre>
 * {"errorType":"Sandbox.Timedout","errorMessage":"RequestId: 5ded4dda-... Error: Task timed out after 3.00 seconds"}
 * {"errorType":"Runtime.ExitError","errorMessage":"RequestId: 59f8af4e-... Error: Runtime exited with error: exit status 1"}
 * </pre>
 * (The older {@code {"errorMessage":"<time> <id> Task timed out after 3.00 seconds"}} without an errorType is
 * what runtimes before the 2023 sandbox change returned; current runtimes give the form above.)
 */
final class LambdaErrors {

    private LambdaErrors() {}

    static byte[] timeout(String requestId, double seconds) {
        return document("Sandbox.Timedout",
                "RequestId: " + requestId + " Error: Task timed out after " + seconds(seconds) + " seconds");
    }

    /** Runtime.ExitError for a process that ended while an invocation was waiting for it. */
    static byte[] exited(String requestId, int exitValue) {
        String reason;
        if (exitValue == 0) {
            reason = "Runtime exited without providing a reason";
        } else if (exitValue > 128) {
            reason = "Runtime exited with error: signal: " + signalName(exitValue - 128);
        } else {
            reason = "Runtime exited with error: exit status " + exitValue;
        }
        return document("Runtime.ExitError", "RequestId: " + requestId + " Error: " + reason);
    }

    static byte[] responseTooLarge(long size, long limit) {
        return document("Function.ResponseSizeTooLarge",
                "Response payload size (" + size + " bytes) exceeded maximum allowed payload size (" + limit
                        + " bytes).");
    }

    /** An invocation or init error posted without a usable body: built from its error-type header. */
    static byte[] fromHeader(String errorType) {
        return document(errorType == null || errorType.isBlank() ? "Runtime.Unknown" : errorType,
                "The runtime reported an error without a body");
    }

    static String seconds(double seconds) {
        return InvocationLog.twoDecimals(seconds);
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> "killed";
            case 6 -> "aborted";
            case 11 -> "segmentation fault";
            case 15 -> "terminated";
            default -> String.valueOf(signal);
        };
    }

    static byte[] document(String errorType, String errorMessage) {
        return Json.bytes(Json.object().put("errorType", errorType).put("errorMessage", errorMessage));
    }
}
