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
        String snapStart,
        String deadLetterTargetArn,
        List<FileSystemSpec> fileSystemConfigs,
        String recursiveLoop,
        RuntimeManagementSpec runtimeManagement,
        String codeSigningConfigArn,
        List<PermissionSpec> permissions,
        boolean authoritative) {

    public static final Set<String> TRACING_MODES = Set.of("Active", "PassThrough");
    public static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");
    public static final int MAX_LAYERS = 5;
    public static final int MAX_TAGS = 50;
    public static final int MAX_DESCRIPTION = 256;
    public static final Set<String> SNAP_START = Set.of("PublishedVersions", "None");
    public static final Set<String> RECURSIVE_LOOP = Set.of("Allow", "Terminate");

    /** A reactor layer module whose new version a dry run cannot know yet; shown as such in plans. */
    public static final String PENDING_LAYER_VERSION = ":(new version)";

    // patterns of the Lambda API reference (service model), checked before anything is sent
    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern KMS_KEY = Pattern.compile("arn:(aws[a-zA-Z-]*)?:kms:[a-z0-9-]+:\\d{12}:(key|alias)/\\S+");
    private static final Pattern LAYER_VERSION =
            Pattern.compile("arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]{1,128}");
    private static final Pattern DEAD_LETTER_TARGET = Pattern.compile(
            "arn:(aws[a-zA-Z0-9-]*):(sqs|sns):([a-z]{2}(-gov)?-[a-z]+-\\d{1}):(\\d{12}):(.+)");
    private static final Pattern CODE_SIGNING_CONFIG = Pattern.compile("arn:(aws[a-zA-Z-]*)?:lambda:"
            + "[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:code-signing-config:csc-[a-z0-9]{17}");
    /**
     * The managed runtimes SnapStart supports ("Supported features and limitations" of
     * https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html): Java 11 and later, Python 3.12 and later, .NET 8
     * and later; not OS-only runtimes or container images.
     */
    private static final Pattern SNAP_START_RUNTIME = Pattern.compile(
            "java(1[1-9]|[2-9][0-9])|python3\\.(1[2-9]|[2-9][0-9])|dotnet([8-9]|[1-9][0-9])");

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
        fileSystemConfigs = fileSystemConfigs == null ? null : List.copyOf(fileSystemConfigs);
        permissions = permissions == null ? null : List.copyOf(permissions);
        checkSnapStart(snapStart, runtime, ephemeralStorage, fileSystemConfigs);
        if (deadLetterTargetArn != null && !deadLetterTargetArn.isEmpty()
                && (deadLetterTargetArn.length() > 1024 || !DEAD_LETTER_TARGET.matcher(deadLetterTargetArn).matches())) {
            throw new InvalidSpecException("deadLetterTargetArn", deadLetterTargetArn, "use the ARN of an SQS queue or"
                    + " SNS topic, arn:aws:sqs:<region>:<account>:<queue> (empty: none)");
        }
        checkFileSystems(fileSystemConfigs, vpc);
        if (recursiveLoop != null && !RECURSIVE_LOOP.contains(recursiveLoop)) {
            throw new InvalidSpecException("recursiveLoop", recursiveLoop, "use Terminate (Lambda's default: stops a"
                    + " recursive loop) or Allow");
        }
        if (codeSigningConfigArn != null && !codeSigningConfigArn.isEmpty()
                && (codeSigningConfigArn.length() > 200 || !CODE_SIGNING_CONFIG.matcher(codeSigningConfigArn).matches())) {
            throw new InvalidSpecException("codeSigningConfigArn", codeSigningConfigArn, "use a code signing config"
                    + " ARN, arn:aws:lambda:<region>:<account>:code-signing-config:csc-<17 characters> (empty: none)");
        }
        if (permissions != null) {
            checkPermissions(permissions);
        }
    }

    private static void checkSnapStart(String snapStart, String runtime, Integer ephemeralStorage,
                                       List<FileSystemSpec> fileSystems) {
        if (snapStart == null) {
            return;
        }
        if (!SNAP_START.contains(snapStart)) {
            throw new InvalidSpecException("snapStart", snapStart, "use PublishedVersions (each published version"
                    + " starts from a snapshot) or None");
        }
        if (snapStart.equals("None")) {
            return;
        }
        // the limits of https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html, "Supported features and limitations"
        if (!SNAP_START_RUNTIME.matcher(runtime).matches()) {
            throw new InvalidSpecException("snapStart", snapStart, "SnapStart needs a managed runtime of Java 11 or"
                    + " later, Python 3.12 or later or .NET 8 or later, not " + runtime + "; use java21, or drop"
                    + " <snapStart>");
        }
        if (ephemeralStorage != null && ephemeralStorage > 512) {
            throw new InvalidSpecException("snapStart", snapStart, "SnapStart does not support ephemeral storage above"
                    + " 512 MB (<ephemeralStorage> is " + ephemeralStorage + "): lower it to 512 or drop <snapStart>");
        }
        if (fileSystems != null && !fileSystems.isEmpty()) {
            throw new InvalidSpecException("snapStart", snapStart, "SnapStart does not support Amazon EFS: drop"
                    + " <fileSystemConfigs> or <snapStart>");
        }
    }

    private static void checkFileSystems(List<FileSystemSpec> fileSystems, VpcSpec vpc) {
        if (fileSystems == null || fileSystems.isEmpty()) {
            return;
        }
        if (fileSystems.size() > 1) {
            throw new InvalidSpecException("fileSystemConfigs", fileSystems.size() + " file systems",
                    "Lambda mounts at most one file system per function");
        }
        if (!vpc.attached()) {
            throw new InvalidSpecException("fileSystemConfigs", fileSystems.get(0).arn(), "a function reaches EFS"
                    + " through a VPC: set <vpc> with subnets and security groups that reach the file system's mount"
                    + " targets");
        }
    }

    private static void checkPermissions(List<PermissionSpec> permissions) {
        Set<String> seen = new java.util.HashSet<>();
        for (PermissionSpec permission : permissions) {
            if (!seen.add((permission.onAlias() ? "alias/" : "") + permission.statementId())) {
                throw new InvalidSpecException("permissions/permission/statementId", permission.statementId(),
                        "statement ids are unique within a policy (the function's, or the alias's): rename one");
            }
        }
    }

    /** The permissions on the function itself (not on the alias); {@code null}: {@code <permissions>} not set. */
    public List<PermissionSpec> functionPermissions() {
        return permissions == null ? null : permissions.stream().filter(p -> !p.onAlias()).toList();
    }

    /** The permissions on the alias; {@code null}: {@code <permissions>} not set. */
    public List<PermissionSpec> aliasPermissions() {
        return permissions == null ? null : permissions.stream().filter(PermissionSpec::onAlias).toList();
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
                reservedConcurrency, logging, snapStart, deadLetterTargetArn, fileSystemConfigs, recursiveLoop,
                runtimeManagement, codeSigningConfigArn, permissions, authoritative);
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
        private String snapStart;
        private String deadLetterTargetArn;
        private List<FileSystemSpec> fileSystemConfigs;
        private String recursiveLoop;
        private RuntimeManagementSpec runtimeManagement;
        private String codeSigningConfigArn;
        private List<PermissionSpec> permissions;
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
        public Builder snapStart(String v) { snapStart = v; return this; }
        public Builder deadLetterTargetArn(String v) { deadLetterTargetArn = v; return this; }
        public Builder fileSystemConfigs(List<FileSystemSpec> v) { fileSystemConfigs = v; return this; }
        public Builder recursiveLoop(String v) { recursiveLoop = v; return this; }
        public Builder runtimeManagement(RuntimeManagementSpec v) { runtimeManagement = v; return this; }
        public Builder codeSigningConfigArn(String v) { codeSigningConfigArn = v; return this; }
        public Builder permissions(List<PermissionSpec> v) { permissions = v; return this; }
        public Builder authoritative(boolean v) { authoritative = v; return this; }

        public FunctionSpec build() {
            return new FunctionSpec(functionName, code, codeSha256, handler, runtime, role, description, memorySize, timeout,
                    ephemeralStorage, architecture, environment, kmsKeyArn, layers, tags, vpc, tracingMode,
                    reservedConcurrency, logging, snapStart, deadLetterTargetArn, fileSystemConfigs, recursiveLoop,
                    runtimeManagement, codeSigningConfigArn, permissions, authoritative);
        }
    }
}
