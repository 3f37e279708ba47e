package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/** Restart keeps state; concurrent publishers on one or two emulators never lose or duplicate a version. */
class DurabilityTest {

    /** Six writers on one function: losing the update-publish race this often in a row means something is wrong. */
    private static final int MAX_ATTEMPTS = 50;

    @TempDir
    Path dir;

    @Test
    void restartKeepsFunctionsVersionsAliasesAndLayers() throws Exception {
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("fn", zip("a", "1")).publish(true).build());
            lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1"));
            lambda.publishLayerVersion(b -> b.layerName("deps").content(c -> c.zipFile(
                    SdkBytes.fromByteArray(zip("java/lib/x.jar", "x")))));
        }
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            assertThat(lambda.getAlias(b -> b.functionName("fn").name("live")).functionVersion()).isEqualTo("1");
            assertThat(lambda.listVersionsByFunction(b -> b.functionName("fn")).versions()).hasSize(2);
            assertThat(lambda.getLayerVersion(b -> b.layerName("deps").versionNumber(1L)).version()).isEqualTo(1);
            lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(zip("a", "2"))));
            assertThat(lambda.publishVersion(b -> b.functionName("fn")).version()).isEqualTo("2");
        }
    }

    /**
     * GetFunction and GetFunctionConfiguration answers are kept until the database changes (AnswerCache): a change
     * made through another emulator on the same directory, or through the same one, is what the next read answers.
     */
    @Test
    void aReadAnswersWhatEitherEmulatorOnTheDirectoryChanged() throws Exception {
        try (Emulator first = EmulatorFixture.start(dir); Emulator second = EmulatorFixture.start(dir);
                LambdaClient a = EmulatorFixture.lambda(first); LambdaClient b = EmulatorFixture.lambda(second)) {
            a.createFunction(createRequest("cached", zip("a", "1")).memorySize(256).build());
            a.waiter().waitUntilFunctionActiveV2(r -> r.functionName("cached"));
            for (int i = 0; i < 3; i++) { // the first read is kept, the others are answered from it
                assertThat(a.getFunction(r -> r.functionName("cached")).configuration().memorySize()).isEqualTo(256);
                assertThat(a.getFunctionConfiguration(r -> r.functionName("cached")).memorySize()).isEqualTo(256);
            }

            b.updateFunctionConfiguration(r -> r.functionName("cached").memorySize(512));
            b.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("cached"));
            assertThat(a.getFunction(r -> r.functionName("cached")).configuration().memorySize()).isEqualTo(512);
            assertThat(a.getFunctionConfiguration(r -> r.functionName("cached")).memorySize()).isEqualTo(512);

            a.tagResource(r -> r.resource(a.getFunction(g -> g.functionName("cached")).configuration().functionArn())
                    .tags(java.util.Map.of("team", "orders")));
            assertThat(a.getFunction(r -> r.functionName("cached")).tags()).containsEntry("team", "orders");
            assertThat(b.getFunction(r -> r.functionName("cached")).tags()).containsEntry("team", "orders");
        }
    }

    @Test
    void concurrentPublishersAndAliasMoversOnTwoEmulatorsLoseNothing() throws Exception {
        int threads = 6;
        int rounds = 5;
        try (Emulator first = EmulatorFixture.start(dir); Emulator second = EmulatorFixture.start(dir)) {
            try (LambdaClient setup = EmulatorFixture.lambda(first)) {
                setup.createFunction(createRequest("fn0", zip("a", "0")).build());
                setup.createAlias(b -> b.functionName("fn0").name("live").functionVersion("$LATEST"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<String> published = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Emulator target = t % 2 == 0 ? first : second;
                int thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    try (LambdaClient lambda = EmulatorFixture.lambda(target)) {
                        for (int r = 0; r < rounds; r++) {
                            String content = thread + "-" + r;
                            // publish with a CodeSha256 guard: either our code is published or someone else's
                            // update won the race and we try again, a bounded number of times
                            for (int attempt = 1; ; attempt++) {
                                var updated = lambda.updateFunctionCode(b -> b.functionName("fn0")
                                        .zipFile(SdkBytes.fromByteArray(zip("a", content))));
                                try {
                                    String v = lambda.publishVersion(b -> b.functionName("fn0")
                                            .codeSha256(updated.codeSha256())).version();
                                    published.add(v + "=" + updated.codeSha256());
                                    lambda.updateAlias(b -> b.functionName("fn0").name("live").functionVersion(v));
                                    break;
                                } catch (InvalidParameterValueException raced) {
                                    // another writer changed $LATEST between our update and publish: that race only
                                    assertThat(raced.awsErrorDetails().errorMessage()).startsWith(
                                            "CodeSHA256 (" + updated.codeSha256() + ") is different from current");
                                    assertThat(attempt).as("thread %d round %d lost the race %d times in a row",
                                            thread, r, attempt).isLessThan(MAX_ATTEMPTS);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            try (LambdaClient lambda = EmulatorFixture.lambda(second)) {
                List<FunctionConfiguration> versions = new ArrayList<>();
                lambda.listVersionsByFunctionPaginator(b -> b.functionName("fn0")).versions().forEach(versions::add);
                List<String> numbers = versions.stream().map(FunctionConfiguration::version)
                        .filter(v -> !v.equals("$LATEST")).toList();
                assertThat(numbers).doesNotHaveDuplicates();
                assertThat(numbers).hasSize(threads * rounds);
                assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, threads * rounds).mapToObj(Integer::toString).toList());
                for (String entry : published) {
                    String[] parts = entry.split("=", 2);
                    assertThat(versions.stream().filter(v -> v.version().equals(parts[0])).findFirst().orElseThrow()
                            .codeSha256()).isEqualTo(parts[1]);
                }
                assertThat(numbers).contains(lambda.getAlias(b -> b.functionName("fn0").name("live"))
                        .functionVersion());
            }
        }
    }
}
