package dev.lambdamaven.emulator.runtime;

import static dev.lambdamaven.emulator.runtime.BenchmarkStats.awaitClassDataArchive;
import static dev.lambdamaven.emulator.runtime.BenchmarkStats.percentile;
import static dev.lambdamaven.emulator.runtime.BenchmarkStats.print;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Local invoke latency (not a test). Cold start: an invocation that has to start a new environment (a child JVM
 * with the runtime interface client); warm: an invocation served by an idle environment; raw: the same handler
 * called in-process, so that warm minus raw is what the emulator and the Runtime API round trip cost.
 *
 * <pre>
 * ./mvnw -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lambdamaven.emulator.runtime.InvokeBenchmark -Dexec.args="10 2000"
 * </pre>
 *
 * Arguments: number of cold starts (default 10), number of warm invocations (default 2000), and optionally a
 * deployment zip, its handler and runtime to measure instead of {@code demo.Echo}, e.g.
 * {@code "10 2000 examples/hello-function/target/hello-function-1.0.0-SNAPSHOT-lambda.zip
 * com.example.hello.HelloHandler::handleRequest java17"}. "In environment" is the REPORT line's duration (from
 * handing the event to the runtime to its response); warm minus that is what the emulator side costs.
 */
public final class InvokeBenchmark {

    private static final String PAYLOAD = "{\"name\":\"benchmark\"}";

    public static void main(String[] args) throws Exception {
        int coldRuns = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        boolean echo = args.length < 5;
        TestFunctions functions = TestFunctions.get();
        Path zip = echo ? functions.handlersZip : Path.of(args[2]);
        String handler = echo ? "demo.Echo::handleRequest" : args[3];
        String runtimeId = echo ? "java17" : args[4];
        Path work = Files.createTempDirectory("lambda-invoke-benchmark");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ExecutionEnvironment.deleteDirectory(work)));

        double[] first = new double[1];
        double[] cold = new double[coldRuns];
        double[] warm = new double[warmRuns];
        double[] inEnvironment = new double[warmRuns];
        try (LocalFunctionRuntime runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(work))) {
            // the very first Java environment of a work directory starts the class-data archive's training run
            first[0] = timeMillis(runtime, TestFunctions.request("bench", runtimeId, handler, zip, 10,
                    Map.of("RUN", "first"), List.of(), PAYLOAD), null);
            awaitClassDataArchive(work.resolve("cds"));
            for (int i = 0; i < coldRuns; i++) {
                // a configuration change needs a new environment: each of these is a cold start
                InvocationRequest request = TestFunctions.request("bench", runtimeId, handler, zip, 10,
                        Map.of("RUN", Integer.toString(i)), List.of(), PAYLOAD);
                cold[i] = timeMillis(runtime, request, null);
            }
            InvocationRequest warmRequest = TestFunctions.request("bench", runtimeId, handler, zip, 10,
                    Map.of("RUN", "0"), List.of(), PAYLOAD);
            for (int i = 0; i < Math.min(500, warmRuns); i++) {
                timeMillis(runtime, warmRequest, null); // JIT warm-up of both sides
            }
            for (int i = 0; i < warmRuns; i++) {
                double[] reported = new double[1];
                warm[i] = timeMillis(runtime, warmRequest, reported);
                inEnvironment[i] = reported[0];
            }
        }

        System.out.printf(Locale.ROOT, "local invoke, handler %s (%s), JDK %s, %d cores%n", handler, runtimeId,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        print("first cold start, no CDS archive", first);
        print("cold start (new environment)", cold);
        print("warm invoke", warm);
        print("in environment (REPORT Duration)", inEnvironment);
        if (echo) {
            print("raw handler call, in-process", rawHandlerMillis(functions.handlerClasses, warmRuns));
        }
        double overhead = percentile(warm, 50) - percentile(inEnvironment, 50);
        System.out.printf(Locale.ROOT, "emulator overhead p50 (warm - in environment): %.3f ms%n", overhead);
        double total = echo ? percentile(warm, 50) : overhead;
        System.out.printf(Locale.ROOT, "warm overhead p50%s: %.3f ms (target < 2 ms: %s)%n",
                echo ? " (warm - raw handler, i.e. emulator + runtime client)" : "", total, total < 2 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "cold start p50: %.1f ms (target < 500 ms: %s); cold/warm p50 ratio: %.0fx%n",
                percentile(cold, 50), percentile(cold, 50) < 500 ? "met" : "NOT met",
                percentile(cold, 50) / percentile(warm, 50));
    }

    private static final java.util.regex.Pattern REPORTED =
            java.util.regex.Pattern.compile("REPORT RequestId: \\S+\tDuration: ([0-9.]+) ms");

    /** Times one invocation; {@code reported}, when given, receives the REPORT line's duration. */
    private static double timeMillis(LocalFunctionRuntime runtime, InvocationRequest request, double[] reported)
            throws Exception {
        long start = System.nanoTime();
        InvocationResult result = runtime.invoke(request);
        double millis = (System.nanoTime() - start) / 1e6;
        if (result.functionError() != null) {
            throw new IllegalStateException(new String(result.payload(), StandardCharsets.UTF_8));
        }
        if (reported != null) {
            var m = REPORTED.matcher(result.logTail());
            reported[0] = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }
        return millis;
    }

    /** The same handler called directly, as the baseline the runtime's overhead is measured against. */
    private static double[] rawHandlerMillis(Path handlerClasses, int runs) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {handlerClasses.toUri().toURL()},
                InvokeBenchmark.class.getClassLoader())) {
            Object handler = loader.loadClass("demo.Echo").getConstructor().newInstance();
            var method = handler.getClass().getMethod("handleRequest", InputStream.class, OutputStream.class,
                    loader.loadClass("com.amazonaws.services.lambda.runtime.Context"));
            byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
            double[] times = new double[runs];
            for (int round = 0; round < 2; round++) { // the first round warms up the JIT
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    method.invoke(handler, new ByteArrayInputStream(payload), new ByteArrayOutputStream(), null);
                    times[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            return times;
        }
    }




    private InvokeBenchmark() {}
}
