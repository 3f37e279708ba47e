package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Lambda's JSON error body, {@code {"Type": "User"|"Service", "Message" or "message": ...}}: the member that holds
 * the text is spelled as in the Lambda API model, which is how AWS answers (a ResourceNotFoundException carries
 * {@code Message}, an InvalidParameterValueException {@code message}, as the answers LocalStack recorded on AWS
 * show).
 */
final class LambdaErrorBody {

    /** The error types whose model member is {@code Message}; every other type's is {@code message}. */
    private static final Set<String> CAPITALISED = Set.of("CallbackTimeoutException",
            "CodeSigningConfigNotFoundException", "CodeVerificationFailedException",
            "DurableExecutionAlreadyStartedException", "EC2AccessDeniedException", "EC2ThrottledException",
            "EC2UnexpectedException", "EFSIOException", "EFSMountConnectivityException", "EFSMountFailureException",
            "EFSMountTimeoutException", "ENILimitReachedException", "InvalidCodeSignatureException",
            "InvalidRuntimeException", "InvalidSecurityGroupIDException", "InvalidSubnetIDException",
            "InvalidZipFileException", "KMSAccessDeniedException", "KMSDisabledException",
            "KMSInvalidStateException", "KMSNotFoundException", "NoPublishedVersionException",
            "RecursiveInvocationException", "RequestEntityTooLargeException", "ResourceInUseException",
            "ResourceNotFoundException", "ServiceException", "SnapStartException", "SnapStartNotReadyException",
            "SnapStartTimeoutException", "SubnetIPAddressLimitReachedException");

    private LambdaErrorBody() {}

    static ObjectNode of(String type, int status, String message, boolean withFaultType) {
        ObjectNode body = Json.object();
        if (withFaultType) {
            body.put("Type", status >= 500 ? "Service" : "User");
        }
        body.put(CAPITALISED.contains(type) ? "Message" : "message", message);
        return body;
    }
}
