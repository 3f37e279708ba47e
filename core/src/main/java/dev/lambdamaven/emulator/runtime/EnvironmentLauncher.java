package dev.lambdamaven.emulator.runtime;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Prepares an environment's directories (code in {@code task}, layers merged in {@code opt}, a private
 * {@code tmp}) and the command and variables of its process, as AWS's Java and custom runtimes set them.
 */
final class EnvironmentLauncher {

    private EnvironmentLauncher() {}

    /**
     * What a launch needs beyond the invocation request; {@code services}: the emulator's endpoint, where the
     * function's AWS SDK clients reach the services it serves (KMS, Lambda, S3), null when not known.
     */
    record Setup(String runtimeApi, Path javaHome, List<Path> runtimeClientJars, Path nativeLibrary,
            List<String> extraJvmOptions, URI services) {}

    static ProcessBuilder prepare(InvocationRequest request, RuntimeKind kind, Path envDir, Setup setup,
            boolean provisioned)
            throws IOException {
        Path task = envDir.resolve("task");
        Path opt = envDir.resolve("opt");
        Path tmp = envDir.resolve("tmp");
        Path runtimeDir = envDir.resolve("runtime");
        for (Path dir : List.of(task, opt, tmp, runtimeDir)) {
            Files.createDirectories(dir);
        }
        ZipUnpacker.Budget budget = ZipUnpacker.Budget.awsLimit();
        ZipUnpacker.unpack(request.codeZip(), task, budget);
        for (Path layer : request.layerZips()) {
            ZipUnpacker.unpack(layer, opt, budget); // later layers overwrite earlier ones, as in /opt
        }
        for (Path fileSystem : request.fileSystems().values()) {
            Files.createDirectories(fileSystem);
        }
        List<String> command = FileSystemMounts.wrap(kind.isJava()
                ? javaCommand(request, task, opt, tmp, setup)
                : customRuntimeCommand(request, task), request.fileSystems(), request.functionName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile());
        Map<String, String> env = builder.environment();
        env.clear(); // nothing of the emulator's own environment (credentials!) reaches the function
        env.putAll(variables(request, kind, task, opt, tmp, runtimeDir, setup, provisioned));
        return builder;
    }

    private static List<String> javaCommand(InvocationRequest request, Path task, Path opt, Path tmp, Setup setup) {
        List<String> classpath = new ArrayList<>();
        // the runtime's own jars first: on AWS they are on the system class path and win over copies in lib/
        setup.runtimeClientJars().forEach(jar -> classpath.add(jar.toString()));
        classpath.add(task.toString());
        classpath.add(task.resolve("lib") + File.separator + "*");
        classpath.add(opt.resolve("java").resolve("lib") + File.separator + "*");
        long heapMb = Math.max(16, request.memoryMb() * 85L / 100);
        List<String> command = new ArrayList<>(List.of(
                JavaHomeResolver.javaLauncher(setup.javaHome()).toString(),
                "-XX:MaxHeapSize=" + heapMb + "m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-XX:-UsePerfData", // no hsperfdata file in the host's /tmp (left there by every SIGKILL)
                "-XX:+ExitOnOutOfMemoryError",
                // as AWS's Java runtimes: org.crac's Core delegates to the runtime client's context (SnapStart hooks)
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Djava.io.tmpdir=" + tmp,
                "-D" + NativeClientLibrary.JNI_PROPERTY + "=" + setup.nativeLibrary()));
        command.addAll(setup.extraJvmOptions());
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), RuntimeClientClasspath.MAIN_CLASS,
                request.handler()));
        return command;
    }

    private static List<String> customRuntimeCommand(InvocationRequest request, Path task) {
        Path bootstrap = task.resolve("bootstrap");
        if (!Files.isRegularFile(bootstrap)) {
            throw new LocalRuntimeException("Function " + request.functionName() + " uses runtime "
                    + request.runtime() + " but its package has no 'bootstrap' file at the root");
        }
        return List.of(bootstrap.toString());
    }

    static Map<String, String> variables(InvocationRequest request, RuntimeKind kind, Path task, Path opt, Path tmp,
            Path runtimeDir, Setup setup, boolean provisioned) {
        Map<String, String> env = new java.util.LinkedHashMap<>(request.environment());
        String region = regionOf(request.invokedArn());
        env.put("AWS_LAMBDA_FUNCTION_NAME", request.functionName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", request.version());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(request.memoryMb()));
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_LAMBDA_RUNTIME_API", setup.runtimeApi());
        // the runtime client runs the SnapStart hooks (and asks /restore/next) only for snap-start
        // the developer guide's values (SnapStart and provisioned concurrency never go together)
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", request.snapStart() ? "snap-start"
                : provisioned ? "provisioned-concurrency" : "on-demand");
        env.put("LAMBDA_TASK_ROOT", task.toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
        env.put("_HANDLER", request.handler() == null ? "" : request.handler());
        if (kind.executionEnv() != null) {
            env.put("AWS_EXECUTION_ENV", kind.executionEnv());
        }
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + request.functionName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName(request.version()));
        // the environment's own temp directory (AWS: /tmp of the sandbox), removed with the environment
        env.put("TMPDIR", tmp.toString());
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        // AWS's PATH with the layer's bin; the host's PATH after it so local tools (bash, python3) are found
        String hostPath = System.getenv().getOrDefault("PATH", "");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin:" + opt.resolve("bin")
                + (setup.javaHome() != null ? ":" + setup.javaHome().resolve("bin") : "")
                + (hostPath.isEmpty() ? "" : ":" + hostPath));
        env.put("LD_LIBRARY_PATH", task.resolve("lib") + ":" + opt.resolve("lib"));
        // as Lambda hands a function its role's credentials: the account in the access key id, so the function's
        // calls act in its own account, on the emulator (KMS, Lambda, S3), never on AWS with dummy credentials;
        // a function's own AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_<SERVICE> wins
        env.put("AWS_ACCESS_KEY_ID", accountOf(request.invokedArn()));
        env.put("AWS_SECRET_ACCESS_KEY", "lambda-emulator");
        env.put("AWS_SESSION_TOKEN", "lambda-emulator");
        if (setup.services() != null) {
            env.putIfAbsent("AWS_ENDPOINT_URL", setup.services().toString());
        }
        request.fileSystems().forEach((mountPath, dir) -> env.put(FileSystemMounts.VARIABLE,
                FileSystemMounts.supported() ? mountPath : dir.toString()));
        return env;
    }

    /** The region of a function ARN ({@code arn:aws:lambda:<region>:...}), us-east-1 when there is none. */
    static String regionOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "us-east-1";
    }

    /** The account of a function ARN ({@code arn:aws:lambda:<region>:<account>:...}), the emulator's default else. */
    static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : "123456789012";
    }

    /** {@code 2026/11/26/[$LATEST]0123...}: AWS's log stream name for a new environment. */
    private static String logStreamName(String version) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                + "/[" + version + "]" + HexFormat.of().formatHex(random);
    }
}
