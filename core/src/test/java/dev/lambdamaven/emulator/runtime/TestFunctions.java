package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Real function packages for the runtime tests, built once per test JVM: the handlers under
 * {@code src/test/resources/runtime/handlers} compiled against aws-lambda-java-core, a layer with
 * {@code java/lib/shared.jar}, and a bash {@code bootstrap} custom runtime.
 */
public final class TestFunctions {

    static final String ARN_PREFIX = "arn:aws:lambda:eu-west-1:123456789012:function:";

    private static TestFunctions instance;

    final Path handlersZip;
    final Path handlerClasses;
    final Path layerZip;
    final Path bootstrapZip;

    private TestFunctions(Path dir) throws IOException {
        Path resources = resource("runtime");
        Path layerClasses = compile(resources.resolve("layer"), dir.resolve("layer-classes"), List.of());
        Path sharedJar = dir.resolve("shared.jar");
        zip(layerClasses, "", sharedJar);
        Path layerRoot = dir.resolve("layer-root");
        Files.createDirectories(layerRoot.resolve("java/lib"));
        Files.copy(sharedJar, layerRoot.resolve("java/lib/shared.jar"));
        layerZip = zip(layerRoot, "", dir.resolve("layer.zip"));
        handlerClasses = compile(resources.resolve("handlers"), dir.resolve("handler-classes"),
                List.of(layerClasses));
        handlersZip = zip(handlerClasses, "", dir.resolve("handlers.zip"));
        Path bootstrapRoot = dir.resolve("bootstrap-root");
        Files.createDirectories(bootstrapRoot);
        Files.copy(resources.resolve("bootstrap"), bootstrapRoot.resolve("bootstrap"));
        bootstrapZip = zip(bootstrapRoot, "", dir.resolve("bootstrap.zip"));
    }

    static synchronized TestFunctions get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("lambda-runtime-test-functions");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> ExecutionEnvironment.deleteDirectory(dir)));
                instance = new TestFunctions(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The Java handlers package ({@code demo.*} under src/test/resources/runtime/handlers), as a zip's bytes. */
    public static byte[] javaHandlersZip() {
        try {
            return Files.readAllBytes(get().handlersZip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An invocation of {@code handler} in the Java handlers package. */
    static InvocationRequest javaRequest(String functionName, String handler, int timeoutSeconds,
            Map<String, String> environment, List<Path> layers, String payload) {
        return request(functionName, "java17", handler, get().handlersZip, timeoutSeconds, environment, layers,
                payload);
    }

    static InvocationRequest request(String functionName, String runtime, String handler, Path zip,
            int timeoutSeconds, Map<String, String> environment, List<Path> layers, String payload) {
        return new InvocationRequest(functionName, "$LATEST", ARN_PREFIX + functionName + ":live", runtime, handler,
                512, timeoutSeconds, environment, zip, sha256(zip), layers,
                payload.getBytes(StandardCharsets.UTF_8), true, false, Map.of(), null);
    }

    private static Path compile(Path sources, Path output, List<Path> extraClasspath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        List<Path> classpath = new ArrayList<>(RuntimeClientClasspath.find());
        classpath.addAll(extraClasspath);
        Files.createDirectories(output);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", output.toString(), "-cp",
                classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
        args.addAll(files);
        int status = compiler.run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("test handlers did not compile: " + files);
        }
        return output;
    }

    static Path zip(Path root, String prefix, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                zip.putNextEntry(new ZipEntry(prefix + root.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return target;
    }

    static String sha256(Path file) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(TestFunctions.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
