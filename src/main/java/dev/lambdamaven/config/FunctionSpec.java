package dev.lambdamaven.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The wanted state of one function. Scalar settings left {@code null} are not managed (Lambda's default on
 * create, left alone on update); environment, layers and VPC are always managed: what the pom says is what
 * the function gets (empty means none). Tags are added or updated, never removed. Tags and reserved
 * concurrency belong to the function, not to a version.
 */
public record FunctionSpec(
        String functionName,
        Path code,
        String handler,
        String runtime,
        String role,
        String description,
        Integer memorySize,
        Integer timeout,
        Integer ephemeralStorage,
        String architecture,
        Environment environment,
        String kmsKeyArn,
        List<String> layers,
        Map<String, String> tags,
        VpcSpec vpc,
        String tracingMode,
        Integer reservedConcurrency,
        LoggingSpec logging) {

    public static final Set<String> TRACING_MODES = Set.of("Active", "PassThrough");
    public static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");
    public static final int MAX_LAYERS = 5;

    public FunctionSpec {
        require("functionName", functionName, "set <functionName> (default: the artifactId)");
        if (!functionName.matches("[a-zA-Z0-9-_]{1,64}")) {
            throw new InvalidSpecException("functionName", functionName,
                    "use 1 to 64 letters, digits, hyphens or underscores");
        }
        if (code == null) {
            throw new InvalidSpecException("code", null, "run package-function first (mvn package)");
        }
        require("handler", handler, "set <handler>, for example com.acme.Handler::handleRequest");
        require("runtime", runtime, "set <runtime>, for example java21");
        range("memorySize", memorySize, 128, 10240);
        range("timeout", timeout, 1, 900);
        range("ephemeralStorage", ephemeralStorage, 512, 10240);
        if (architecture != null && !ARCHITECTURES.contains(architecture)) {
            throw new InvalidSpecException("architecture", architecture, "use x86_64 or arm64");
        }
        if (tracingMode != null && !TRACING_MODES.contains(tracingMode)) {
            throw new InvalidSpecException("tracingMode", tracingMode, "use Active (X-Ray) or PassThrough");
        }
        range("reservedConcurrency", reservedConcurrency, 0, Integer.MAX_VALUE);
        environment = environment == null ? Environment.EMPTY : environment;
        layers = layers == null ? List.of() : List.copyOf(layers);
        if (layers.size() > MAX_LAYERS) {
            throw new InvalidSpecException("layers", layers.size() + " layers",
                    "a function uses at most " + MAX_LAYERS + " layers; merge some");
        }
        tags = Collections.unmodifiableMap(new TreeMap<>(tags == null ? Map.of() : tags));
        vpc = vpc == null ? VpcSpec.NONE : vpc;
    }

    private static void require(String element, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw new InvalidSpecException(element, null, fix);
        }
    }

    private static void range(String element, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidSpecException(element, value, "use a value from " + min + " to " + max);
        }
    }

    /** A copy with other layer ARNs (reactor layer modules resolved to their published versions). */
    public FunctionSpec withLayers(List<String> resolved) {
        return new FunctionSpec(functionName, code, handler, runtime, role, description, memorySize, timeout,
                ephemeralStorage, architecture, environment, kmsKeyArn, resolved, tags, vpc, tracingMode,
                reservedConcurrency, logging);
    }

    /** A copy with another environment (secrets encrypted in transit replaced by their ciphertexts). */
    public FunctionSpec withEnvironment(Environment sent) {
        return new FunctionSpec(functionName, code, handler, runtime, role, description, memorySize, timeout,
                ephemeralStorage, architecture, sent, kmsKeyArn, layers, tags, vpc, tracingMode, reservedConcurrency,
                logging);
    }

    public static Builder builder(String functionName, Path code) {
        return new Builder(functionName, code);
    }

    /** Fluent construction for the many optional settings. */
    public static final class Builder {
        private final String functionName;
        private final Path code;
        private String handler;
        private String runtime;
        private String role;
        private String description;
        private Integer memorySize;
        private Integer timeout;
        private Integer ephemeralStorage;
        private String architecture;
        private Environment environment;
        private String kmsKeyArn;
        private List<String> layers;
        private Map<String, String> tags;
        private VpcSpec vpc;
        private String tracingMode;
        private Integer reservedConcurrency;
        private LoggingSpec logging;

        private Builder(String functionName, Path code) {
            this.functionName = functionName;
            this.code = code;
        }

        public Builder handler(String v) { handler = v; return this; }
        public Builder runtime(String v) { runtime = v; return this; }
        public Builder role(String v) { role = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder memorySize(Integer v) { memorySize = v; return this; }
        public Builder timeout(Integer v) { timeout = v; return this; }
        public Builder ephemeralStorage(Integer v) { ephemeralStorage = v; return this; }
        public Builder architecture(String v) { architecture = v; return this; }
        public Builder environment(Environment v) { environment = v; return this; }
        public Builder kmsKeyArn(String v) { kmsKeyArn = v; return this; }
        public Builder layers(List<String> v) { layers = v; return this; }
        public Builder tags(Map<String, String> v) { tags = v; return this; }
        public Builder vpc(VpcSpec v) { vpc = v; return this; }
        public Builder tracingMode(String v) { tracingMode = v; return this; }
        public Builder reservedConcurrency(Integer v) { reservedConcurrency = v; return this; }
        public Builder logging(LoggingSpec v) { logging = v; return this; }

        public FunctionSpec build() {
            return new FunctionSpec(functionName, code, handler, runtime, role, description, memorySize, timeout,
                    ephemeralStorage, architecture, environment, kmsKeyArn, layers, tags, vpc, tracingMode,
                    reservedConcurrency, logging);
        }
    }
}
