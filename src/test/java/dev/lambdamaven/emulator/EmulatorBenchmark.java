package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;

import java.net.ServerSocket;
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
 * Benchmark, not a test: GetFunction and PublishVersion throughput and latency of the emulator, and
 * GetFunction against {@code moto_server} in the same run when it is on the PATH.
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
            run("warm-up", Math.max(1, seconds / 2), threads, HttpRequest.newBuilder(get).build());
            Result getFunction = run("emulator GetFunction", seconds, threads, HttpRequest.newBuilder(get).build());
            System.out.println(getFunction);
            System.out.println(run("emulator PublishVersion", seconds, threads, HttpRequest.newBuilder(publish)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
            Result moto = motoGetFunction(seconds, threads);
            if (moto != null) {
                System.out.println(moto);
                System.out.printf("GetFunction ratio emulator/moto: %.1fx%n", getFunction.perSecond() / moto.perSecond());
            } else {
                System.out.println("moto_server not on the PATH: no baseline");
            }
        }
    }

    private static Result motoGetFunction(int seconds, int threads) throws Exception {
        if (!MotoComparisonTest.onPath("moto_server")) {
            return null;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process moto = new ProcessBuilder("moto_server", "-p", Integer.toString(port))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 100; i++) {
                try {
                    http.send(HttpRequest.newBuilder(endpoint).header("Authorization", "AWS4-HMAC-SHA256"
                            + " Credential=AKID/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0")
                            .POST(HttpRequest.BodyPublishers.ofString("Action=CreateRole&Version=2010-05-08"
                                    + "&RoleName=lambda-role&AssumeRolePolicyDocument=%7B%7D"))
                            .header("Content-Type", "application/x-www-form-urlencoded").build(),
                            HttpResponse.BodyHandlers.discarding());
                    break;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            try (LambdaClient lambda = EmulatorFixture.lambda(() -> endpoint)) {
                lambda.createFunction(createRequest("bench", zip("a", "b")).build());
            }
            return run("moto GetFunction", seconds, threads,
                    HttpRequest.newBuilder(URI.create(endpoint + "/2015-03-31/functions/bench")).build());
        } finally {
            moto.destroy();
        }
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
