package dev.lambdamaven.emulator.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What makes two invocations able to share a warm environment: the same function (by ARN), version, code and
 * configuration.
 * ({@code $LATEST} can change its configuration without changing its code: that needs a new environment,
 * as on AWS.)
 */
record EnvironmentKey(
        String functionArn,
        String version,
        String codeSha256,
        String runtime,
        String handler,
        int memoryMb,
        Map<String, String> environment,
        List<Path> layerZips,
        boolean snapStart,
        Map<String, Path> fileSystems) {

    static EnvironmentKey of(InvocationRequest request) {
        // the same function name in another account or region is another function
        String[] arn = request.invokedArn().split(":");
        String unqualified = String.join(":", java.util.Arrays.copyOf(arn, Math.min(arn.length, 7)));
        return new EnvironmentKey(unqualified, request.version(), request.codeSha256(), request.runtime(),
                request.handler(), request.memoryMb(), Map.copyOf(request.environment()),
                List.copyOf(request.layerZips()), request.snapStart(), Map.copyOf(request.fileSystems()));
    }
}
