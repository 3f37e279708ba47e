package dev.lambdamaven.junit;

import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorOptions;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import dev.lambdamaven.packaging.FunctionPackageRequest;
import dev.lambdamaven.packaging.FunctionPackager;
import dev.lambdamaven.packaging.PackagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * A running emulator as a test sees it: its endpoint, a ready {@link LambdaClient}, the settings to build any
 * other SDK client against it ({@link #configure}), and shortcuts to deploy a function from compiled classes or a
 * zip and to invoke it.
 */
public final class LocalLambda implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** Dummy credentials: the emulator accepts any, and nothing reaches AWS. */
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final String ROLE = "arn:aws:iam::123456789012:role/lambda-test";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Emulator emulator;
    private final Path stateDir;
    private final boolean temporary;
    private final Region region;
    private final LambdaClient lambda;

    private LocalLambda(Emulator emulator, Path stateDir, boolean temporary, Region region) {
        this.emulator = emulator;
        this.stateDir = stateDir;
        this.temporary = temporary;
        this.region = region;
        this.lambda = configure(LambdaClient.builder()).build();
    }

    /** Starts an emulator on {@code stateDir} (deleted on close when {@code temporary}). */
    public static LocalLambda start(Path stateDir, boolean temporary, String region) throws IOException {
        Path dir = Files.createDirectories(stateDir).toRealPath();
        Emulator emulator = Emulator.start(EmulatorOptions.builder().stateDir(dir).port(0).region(region)
                .functionRuntime(new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("environments"))))
                .build());
        return new LocalLambda(emulator, dir, temporary, Region.of(region));
    }

    /** The base URL, for {@code endpointOverride}, {@code aws --endpoint-url} or another language's SDK. */
    public URI endpoint() {
        return emulator.endpoint();
    }

    public Path stateDir() {
        return stateDir;
    }

    public Region region() {
        return region;
    }

    /** A client with endpoint, region and dummy credentials set. */
    public LambdaClient lambda() {
        return lambda;
    }

    /** Points any AWS SDK client builder at the emulator, e.g. {@code configure(S3Client.builder())}. */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
        return builder.endpointOverride(endpoint()).region(region).credentialsProvider(CREDENTIALS);
    }

    /** As {@link #deploy(String, String, String, Path)} on the runtime of the JVM running the test (java17 or java21+). */
    public GetFunctionConfigurationResponse deploy(String functionName, String handler, Path code) {
        return deploy(functionName, Runtime.version().feature() >= 21 ? "java21" : "java17", handler, code);
    }

    /**
     * Creates the function (or updates its code and handler) from a deployment zip or a directory of compiled
     * classes (zipped the way {@code package-function} zips them, the handler checked), and waits until it is
     * ready to invoke.
     */
    public GetFunctionConfigurationResponse deploy(String functionName, String runtime, String handler, Path code) {
        SdkBytes zip = SdkBytes.fromByteArray(zipOf(code, runtime, handler));
        try {
            lambda.getFunctionConfiguration(b -> b.functionName(functionName));
            lambda.updateFunctionCode(b -> b.functionName(functionName).zipFile(zip));
            awaitReady(functionName);
            lambda.updateFunctionConfiguration(b -> b.functionName(functionName).handler(handler).runtime(runtime));
        } catch (ResourceNotFoundException absent) {
            lambda.createFunction(b -> b.functionName(functionName).runtime(runtime).handler(handler).role(ROLE)
                    .code(c -> c.zipFile(zip)));
        }
        return awaitReady(functionName);
    }

    /** Invokes {@code $LATEST} synchronously; returns the response, or fails with the function's error. */
    public String invoke(String functionName, String eventJson) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(functionName)
                .payload(SdkBytes.fromUtf8String(eventJson)));
        if (response.functionError() != null) {
            throw new AssertionError("Function " + functionName + " failed (" + response.functionError() + "): "
                    + response.payload().asUtf8String());
        }
        return response.payload().asUtf8String();
    }

    /** Polls until the function is Active and its last update Successful. */
    public GetFunctionConfigurationResponse awaitReady(String functionName) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long delay = 10;
        while (true) {
            GetFunctionConfigurationResponse f = lambda.getFunctionConfiguration(b -> b.functionName(functionName));
            if (f.state() == State.ACTIVE && (f.lastUpdateStatus() == null
                    || f.lastUpdateStatus() == LastUpdateStatus.SUCCESSFUL)) {
                return f;
            }
            if (f.state() == State.FAILED || f.lastUpdateStatus() == LastUpdateStatus.FAILED) {
                throw new AssertionError("Function " + functionName + " failed: " + f.stateReason()
                        + f.lastUpdateStatusReason());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Function " + functionName + " was not ready within "
                        + READY_TIMEOUT.toSeconds() + " s (State " + f.state() + ", LastUpdateStatus "
                        + f.lastUpdateStatus() + ")");
            }
            sleep(delay);
            delay = Math.min(delay * 2, 200);
        }
    }

    private byte[] zipOf(Path code, String runtime, String handler) {
        try {
            if (Files.isRegularFile(code)) {
                return Files.readAllBytes(code);
            }
            Path work = Files.createDirectories(stateDir.resolve("test-packages"));
            Path zip = work.resolve(code.getFileName() + "-" + System.nanoTime() + ".zip");
            new FunctionPackager().packageFunction(new FunctionPackageRequest(runtime, handler, code, List.of(),
                    List.of(), null, null, Instant.parse("2026-01-01T00:00:00Z"), zip, work));
            return Files.readAllBytes(zip);
        } catch (PackagingException e) {
            throw new IllegalArgumentException("Cannot package " + code + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + code, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the emulator and its execution environments; deletes a temporary state directory. */
    @Override
    public void close() throws IOException {
        lambda.close();
        emulator.close();
        if (temporary) {
            try (Stream<Path> walk = Files.walk(stateDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
