package dev.lambdamaven.emulator.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to run one invocation of one published version (or $LATEST) of a function.
 *
 * @param functionName    the function's name
 * @param version         {@code $LATEST} or a version number: the version whose code and configuration run
 * @param invokedArn      the ARN the caller used (with the alias or version qualifier), reported to the handler
 * @param runtime         Lambda runtime identifier, e.g. {@code java21} or {@code provided.al2023}
 * @param handler         the handler string
 * @param memoryMb        memory setting
 * @param timeoutSeconds  timeout setting
 * @param environment     the function's environment variables, decrypted
 * @param codeZip         the deployment package (content addressed, immutable)
 * @param codeSha256      base64 SHA-256 of the package: environments are reused only for the same code
 * @param layerZips       layer contents, in the function's layer order
 * @param payload         the event
 * @param tailLog         whether the caller asked for {@code X-Amz-Log-Type: Tail}
 * @param snapStart       a published version of a Java function with SnapStart: environments restore from the
 *                        version's "snapshot" ({@link FunctionRuntime#snapshot}) and run the restore hooks
 * @param fileSystems     the function's file systems: local mount path ({@code /mnt/...}) to the directory that
 *                        stands in for its access point
 * @param requestId       the invocation's request id (the Invoke call's, kept across the retries of an Event
 *                        invocation), or {@code null} for a new one
 */
public record InvocationRequest(
        String functionName,
        String version,
        String invokedArn,
        String runtime,
        String handler,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        Path codeZip,
        String codeSha256,
        List<Path> layerZips,
        byte[] payload,
        boolean tailLog,
        boolean snapStart,
        Map<String, Path> fileSystems,
        String requestId) {}
