package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Compares the emulator's answers with answers recorded on AWS. Most expected values come from LocalStack's
 * {@code tests/aws/services/lambda_/test_lambda_api.snapshot.json} (recorded against real AWS; each test names the
 * recorded test, and the request is the one that test's code sends), with its placeholders filled in for the
 * emulator's account and region.
 */
final class AwsAnswers {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    /** A function ARN up to the name. */
    static final String ARN = "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:";
    static final String LAYER_ARN = "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":layer:";

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) validation errors? detected: (.*)", Pattern.DOTALL);

    private AwsAnswers() {}

    /** The error {@code call} answers; it must fail with one. */
    static LambdaException error(ThrowingCallable call) {
        LambdaException e = catchThrowableOfType(LambdaException.class, call);
        assertThat(e).as("an error answer").isNotNull();
        return e;
    }

    /** {@code call} answers AWS's status, error code and message. */
    static void answers(ThrowingCallable call, int status, String code, String message) {
        LambdaException e = error(call);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(e.statusCode()).isEqualTo(status);
    }

    /**
     * {@code call} answers AWS's code with these constraint failures, in any order: LocalStack records a list of
     * failures sorted ({@code "Errors"} and {@code "Count"}), so AWS's own order is not known.
     */
    static void failures(ThrowingCallable call, String code, String... expected) {
        LambdaException e = error(call);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(failures(e.awsErrorDetails().errorMessage())).containsExactlyInAnyOrder(expected);
    }

    /** The failures a "N validation errors detected: a; b" message lists; N must be their number. */
    static List<String> failures(String message) {
        Matcher m = SUMMARY.matcher(message);
        assertThat(m.matches()).as("a validation summary: " + message).isTrue();
        List<String> found = Arrays.asList(m.group(2).split("; "));
        assertThat(found).hasSize(Integer.parseInt(m.group(1)));
        return found;
    }

    /** {@code n} times "a", as LocalStack's {@code <a:len(n)>} placeholder stands for. */
    static String a(int n) {
        return "a".repeat(n);
    }
}
