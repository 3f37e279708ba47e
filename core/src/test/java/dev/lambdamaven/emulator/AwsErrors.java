package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Asserts that an SDK call fails with an answer AWS gave: the SDK's exception type, the HTTP status, the error
 * code and the exact message. The conformance tests take those from answers recorded on real AWS (LocalStack's
 * snapshot files, each cited beside its case), with the recording's placeholders ({@code <partition>},
 * {@code <region>}, account {@code 111111111111}) replaced by the test's partition, region and account.
 */
final class AwsErrors {

    /** The ARN prefix of the tests' default scope. */
    static final String ARN = "arn:aws:lambda:us-east-1:123456789012:";

    private AwsErrors() {}

    /** {@code code}: the error type on the wire ({@code x-amzn-ErrorType}), which picks the SDK's exception. */
    static LambdaException assertAwsError(ThrowingCallable call, int status, String code, String message) {
        LambdaException e = catchThrowableOfType(LambdaException.class, call);
        assertThat(e).as("expected %s: %s", code, message).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        return e;
    }
}
