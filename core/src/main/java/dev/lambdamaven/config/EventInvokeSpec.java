package dev.lambdamaven.config;

import java.util.regex.Pattern;

/**
 * Asynchronous invocation of the alias (PutFunctionEventInvokeConfig): how often Lambda retries a failed event (0 to
 * 2; Lambda's default 2), how old an event may get (60 to 21600 s; default 21600) and where a record of each success
 * or failure goes (a function, queue, topic, bus or bucket ARN). Each {@code null} is Lambda's default.
 */
public record EventInvokeSpec(Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds, String onSuccess,
                              String onFailure) {

    // API reference, DestinationConfig: OnSuccess/OnFailure Destination, 0 to 350 characters
    private static final Pattern DESTINATION = Pattern.compile(
            "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)");

    public EventInvokeSpec {
        if (maximumRetryAttempts != null && (maximumRetryAttempts < 0 || maximumRetryAttempts > 2)) {
            throw new InvalidSpecException("maximumRetryAttempts", maximumRetryAttempts, "use 0 to 2 (Lambda's default:"
                    + " 2)");
        }
        if (maximumEventAgeInSeconds != null && (maximumEventAgeInSeconds < 60 || maximumEventAgeInSeconds > 21600)) {
            throw new InvalidSpecException("maximumEventAgeInSeconds", maximumEventAgeInSeconds, "use 60 to 21600"
                    + " seconds (Lambda's default: 21600, 6 hours)");
        }
        destination("onSuccess", onSuccess);
        destination("onFailure", onFailure);
    }

    private static void destination(String element, String arn) {
        if (arn != null && (arn.length() > 350 || !DESTINATION.matcher(arn).matches())) {
            throw new InvalidSpecException(element, arn, "use the ARN of a function, SQS queue, SNS topic, EventBridge"
                    + " bus or S3 bucket");
        }
    }

    /** The pom's four elements; {@code null} when none is set. */
    public static EventInvokeSpec of(Integer retries, Integer age, String onSuccess, String onFailure) {
        return retries == null && age == null && onSuccess == null && onFailure == null ? null
                : new EventInvokeSpec(retries, age, onSuccess, onFailure);
    }

    @Override
    public String toString() {
        return "retries " + (maximumRetryAttempts == null ? 2 : maximumRetryAttempts) + ", max age "
                + (maximumEventAgeInSeconds == null ? 21600 : maximumEventAgeInSeconds) + " s"
                + (onSuccess == null ? "" : ", on success " + onSuccess)
                + (onFailure == null ? "" : ", on failure " + onFailure);
    }
}
