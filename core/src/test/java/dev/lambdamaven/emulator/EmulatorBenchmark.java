package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Benchmark, not a test: the emulator's start in a cold JVM, and GetFunction and PublishVersion throughput
 * and latency from a Java client in the same JVM (which limits the figures: the comparison with moto_server
 * is {@code benchmarks/emulator/run.sh}, with wrk).
 *
 * <pre>
 * ./mvnw -q -o test-compile -Dinvoker.skip
 * java -cp "target/test-classes:target/classes:$(cat cp.txt)" dev.lambdamaven.emulator.EmulatorBenchmark [seconds] [threads]
 * </pre>
 * (write cp.txt with {@code ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class EmulatorBenchmark {

    private EmulatorBenchmark() {}

    /** Requests/s and latency percentiles of one run. */
    record Result(String name, double perSecond, double p50Ms, double p99Ms) {
        @Override
        public String toString() {
            return String.format("%-28s %9.0f req/s   p50 %6.2f ms   p99 %6.2f ms", name, perSecond, p50Ms, p99Ms);
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path dir = Files.createTempDirectory("emulator-bench");
        long startNanos = System.nanoTime();
        Emulator.start(EmulatorFixture.options(Files.createTempDirectory("emulator-start")).build()).close();
        System.out.printf("emulator start (cold JVM, new state dir): %.0f ms%n", (System.nanoTime() - startNanos) / 1e6);
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("bench", zip("a", "b")).build());
            URI get = URI.create(emulator.endpoint() + "/2015-03-31/functions/bench");
            URI publish = URI.create(emulator.endpoint() + "/2015-03-31/functions/bench/versions");
            run("warm-up", Math.max(1, seconds / 2), threads, signed(get).build());
            System.out.println(run("emulator GetFunction", seconds, threads, signed(get).build()));
            System.out.println(run("emulator PublishVersion", seconds, threads, signed(publish)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
        }
    }

    /**
     * A request with a Lambda-scoped SigV4 Authorization header: the emulator refuses unsigned requests and checks
     * the signature's form, not its value.
     */
    private static HttpRequest.Builder signed(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20260101/"
                + "us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=" + "0".repeat(64));
    }

    private static Result run(String name, int seconds, int threads, HttpRequest request) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status >= 300) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    mine.add(System.nanoTime() - start);
                }
                latencies.addAll(mine);
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (failures.get() > 0) {
            System.out.println(name + ": " + failures.get() + " failed requests");
        }
        return new Result(name, sorted.size() / (double) seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6);
    }
}
