package dev.lambdamaven.emulator.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What makes two invocations able to share a warm environment: the same version, code and configuration.
 * ({@code $LATEST} can change its configuration without changing its code: that needs a new environment,
 * as on AWS.)
 */
record EnvironmentKey(
        String functionName,
        String version,
        String codeSha256,
        String runtime,
        String handler,
        int memoryMb,
        Map<String, String> environment,
        List<Path> layerZips) {

    static EnvironmentKey of(InvocationRequest request) {
        return new EnvironmentKey(request.functionName(), request.version(), request.codeSha256(), request.runtime(),
                request.handler(), request.memoryMb(), Map.copyOf(request.environment()),
                List.copyOf(request.layerZips()));
    }
}
