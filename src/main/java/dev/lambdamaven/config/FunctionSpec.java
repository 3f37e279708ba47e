package dev.lambdamaven.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The wanted state of one function. Scalar settings left {@code null} are not managed (Lambda's default on
 * create, left alone on update); environment, layers and VPC are always managed: what the pom says is what
 * the function gets (empty means none). Tags are added or updated, never removed. Tags and reserved
 * concurrency belong to the function, not to a version. {@code codeSha256} is the hash package-function recorded
 * for {@code code} ({@code null}: not known), checked before the zip is sent. {@code authoritative} makes the pom
 * the whole truth: settings left out are reset to Lambda's defaults, tags left out are removed.
 */
public record FunctionSpec(
        String functionName,
        Path code,
        String codeSha256,
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
        LoggingSpec logging,
        boolean authoritative) {

    public static final Set<String> TRACING_MODES = Set.of("Active", "PassThrough");
    public static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");
    public static final int MAX_LAYERS = 5;
    public static final int MAX_TAGS = 50;
    public static final int MAX_DESCRIPTION = 256;

    /** A reactor layer module whose new version a dry run cannot know yet; shown as such in plans. */
    public static final String PENDING_LAYER_VERSION = ":(new version)";

    // patterns of the Lambda API reference (service model), checked before anything is sent
    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern KMS_KEY = Pattern.compile("arn:(aws[a-zA-Z-]*)?:kms:[a-z0-9-]+:\\d{12}:(key|alias)/\\S+");
    private static final Pattern LAYER_VERSION =
            Pattern.compile("arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]{1,128}");

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
        if (!HANDLER.matcher(handler).matches()) {
            throw new InvalidSpecException("handler", handler, "use at most 128 characters without spaces, such as"
                    + " com.acme.Handler::handleRequest");
        }
        require("runtime", runtime, "set <runtime>, for example java21");
        Runtimes.require("runtime", runtime);
        if (role != null && !ROLE.matcher(role).matches()) {
            throw new InvalidSpecException("role", role, "use an IAM role ARN, arn:aws:iam::<12-digit account>:role/<name>");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidSpecException("description", description.length() + " characters",
                    "Lambda allows " + MAX_DESCRIPTION + "; shorten it");
        }
        if (kmsKeyArn != null && !kmsKeyArn.isEmpty() && !KMS_KEY.matcher(kmsKeyArn).matches()) {
            throw new InvalidSpecException("kmsKeyArn", kmsKeyArn, "use a KMS key ARN,"
                    + " arn:aws:kms:<region>:<12-digit account>:key/<key id> (empty: Lambda's own key)");
        }
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
        for (String layer : layers) {
            if (!layer.endsWith(PENDING_LAYER_VERSION) && (layer.length() > 140 || !LAYER_VERSION.matcher(layer).matches())) {
                throw new InvalidSpecException("layers", layer, "use a layer version ARN,"
                        + " arn:aws:lambda:<region>:<account>:layer:<name>:<version>, or the artifactId of a layer module"
                        + " of this build");
            }
        }
        tags = Collections.unmodifiableMap(new TreeMap<>(tags == null ? Map.of() : tags));
        checkTags(tags);
        vpc = vpc == null ? VpcSpec.NONE : vpc;
    }

    private static void checkTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new InvalidSpecException("tags", tags.size() + " tags", "Lambda allows " + MAX_TAGS
                    + " per function; drop some");
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 128 || key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw new InvalidSpecException("tags", key, "a tag key has 1 to 128 characters and does not start"
                        + " with aws: (reserved by AWS)");
            }
            if (value != null && value.length() > 256) {
                throw new InvalidSpecException("tags/" + key, value.length() + " characters",
                        "a tag value has at most 256 characters; shorten it");
            }
        });
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


    /** A copy with another environment (secrets encrypted in transit replaced by their ciphertexts). */
    public FunctionSpec withEnvironment(Environment sent) {
        return new FunctionSpec(functionName, code, codeSha256, handler, runtime, role, description, memorySize,
                timeout, ephemeralStorage, architecture, sent, kmsKeyArn, layers, tags, vpc, tracingMode,
                reservedConcurrency, logging, authoritative);
    }

    public static Builder builder(String functionName, Path code) {
        return new Builder(functionName, code);
    }

    /** Fluent construction for the many optional settings. */
    public static final class Builder {
        private final String functionName;
        private final Path code;
        private String codeSha256;
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
        private boolean authoritative;

        private Builder(String functionName, Path code) {
            this.functionName = functionName;
            this.code = code;
        }

        public Builder codeSha256(String v) { codeSha256 = v; return this; }
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
        public Builder authoritative(boolean v) { authoritative = v; return this; }

        public FunctionSpec build() {
            return new FunctionSpec(functionName, code, codeSha256, handler, runtime, role, description, memorySize, timeout,
                    ephemeralStorage, architecture, environment, kmsKeyArn, layers, tags, vpc, tracingMode,
                    reservedConcurrency, logging, authoritative);
        }
    }
}
