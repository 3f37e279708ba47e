package dev.lambdamaven.emulator.http;

import java.util.Map;

/**
 * An error answered the way AWS answers it: HTTP status, {@code x-amzn-ErrorType} and a JSON body
 * {@code {"Type": "User"|"Service", "message": ...}} plus optional extra fields (e.g. {@code Reason}). A few of
 * AWS's answers carry no {@code Type} ({@link #withoutFaultType()}).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final Map<String, String> extraFields;
    private final boolean withFaultType;

    public ApiException(int status, String type, String message) {
        this(status, type, message, Map.of());
    }

    public ApiException(int status, String type, String message, Map<String, String> extraFields) {
        this(status, type, message, extraFields, true);
    }

    private ApiException(int status, String type, String message, Map<String, String> extraFields,
            boolean withFaultType) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.extraFields = Map.copyOf(extraFields);
        this.withFaultType = withFaultType;
    }

    /** The same error answered without the {@code Type} member, as AWS answers some of them. */
    public ApiException withoutFaultType() {
        return new ApiException(status, type, getMessage(), extraFields, false);
    }

    public boolean withFaultType() {
        return withFaultType;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Map<String, String> extraFields() {
        return extraFields;
    }

    /** Whether AWS blames the caller ({@code User}) or itself ({@code Service}). */
    public String faultType() {
        return status >= 500 ? "Service" : "User";
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "ResourceNotFoundException", message);
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(400, "InvalidParameterValueException", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "ResourceConflictException", message);
    }

    /** AWS's "1 validation error detected" form. */
    public static ApiException validation(String value, String field, String constraint) {
        return new ApiException(400, "ValidationException", "1 validation error detected: Value '" + value
                + "' at '" + field + "' failed to satisfy constraint: " + constraint);
    }

    public static ApiException preconditionFailed(String what) {
        return new ApiException(412, "PreconditionFailedException", "The Revision Id provided does not match the"
                + " latest Revision Id. Call the " + what + " API to retrieve the latest Revision Id");
    }
}
