package dev.lambdamaven.emulator.runtime;

import static dev.lambdamaven.emulator.runtime.BenchmarkStats.awaitClassDataArchive;
import static dev.lambdamaven.emulator.runtime.BenchmarkStats.percentile;
import static dev.lambdamaven.emulator.runtime.BenchmarkStats.print;

import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Local invoke as a user sees it (not a test): the AWS SDK v2 {@code LambdaClient} against an emulator with the
 * local runtime, on a fresh state directory. Prints, with baselines measured in the same run:
 * <ul>
 *   <li>warm invoke overhead: the client's latency minus the REPORT line's duration (the function's own time),
 *       against GetFunction's latency on the same client and server;</li>
 *   <li>cold invoke: the first invoke of a function version, which starts a new environment (a JVM with the runtime
 *       interface client), against a bare JVM started and ended on the same JDK.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lambdamaven.emulator.runtime.InvokeApiBenchmark -Dexec.args="10 2000"
 * </pre>
 *
 * Arguments: cold starts (default 10), warm invokes (default 2000), optionally a zip, its handler and runtime
 * instead of the test package's {@code demo.Greeter} (a {@code RequestHandler<Map, Map>}, like hello-function).
 */
public final class InvokeApiBenchmark {

    private static final Pattern DURATION = Pattern.compile("REPORT RequestId: \\S+\tDuration: ([0-9.]+) ms");
    private static final SdkBytes PAYLOAD = SdkBytes.fromUtf8String("{\"name\":\"benchmark\"}");

    public static void main(String[] args) throws Exception {
        int coldRuns = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        boolean own = args.length >= 5;
        Path zip = own ? Path.of(args[2]) : TestFunctions.get().handlersZip;
        String handler = own ? args[3] : "demo.Greeter::handleRequest";
        String runtimeId = own ? args[4] : "java17";
        Path state = Files.createTempDirectory("lambda-invoke-api-benchmark");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ExecutionEnvironment.deleteDirectory(state)));
        byte[] code = Files.readAllBytes(zip);

        double firstEver;
        double[] cold = new double[coldRuns];
        double[] overhead = new double[warmRuns];
        double[] reported = new double[warmRuns];
        double[] getFunction = new double[warmRuns];
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(state).functionRuntime(
                        new LocalFunctionRuntime(LocalRuntimeOptions.defaults(state.resolve("environments")))).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            create(lambda, "bench-first", code, handler, runtimeId);
            lambda.getFunction(b -> b.functionName("bench-first")); // the client's own first-call cost
            firstEver = millis(() -> invoke(lambda, "bench-first"));
            awaitClassDataArchive(state.resolve("environments/cds"));
            for (int i = 0; i < coldRuns; i++) {
                String name = "bench-cold-" + i;
                create(lambda, name, code, handler, runtimeId);
                cold[i] = millis(() -> invoke(lambda, name));
            }
            create(lambda, "bench-warm", code, handler, runtimeId);
            for (int i = 0; i < Math.min(1000, warmRuns); i++) { // JIT warm-up of client, emulator and runtime
                invoke(lambda, "bench-warm");
                lambda.getFunction(b -> b.functionName("bench-warm"));
            }
            for (int i = 0; i < warmRuns; i++) {
                long start = System.nanoTime();
                InvokeResponse response = invoke(lambda, "bench-warm");
                double latency = (System.nanoTime() - start) / 1e6;
                reported[i] = reportedDuration(response);
                overhead[i] = latency - reported[i];
                getFunction[i] = millis(() -> lambda.getFunction(b -> b.functionName("bench-warm")));
            }
        }
        double[] jvm = new double[Math.max(3, coldRuns)];
        for (int i = 0; i < jvm.length; i++) {
            jvm[i] = bareJvmMillis();
        }

        System.out.printf(Locale.ROOT, "local invoke through the AWS SDK, handler %s (%s), JDK %s, %d cores, load %s%n",
                handler, runtimeId, Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
        print("warm: client latency - REPORT Duration", overhead);
        print("warm: REPORT Duration", reported);
        print("baseline: GetFunction latency", getFunction);
        print("cold: first invoke of a version", cold);
        print("baseline: bare JVM start and exit", jvm);
        System.out.printf(Locale.ROOT, "first invoke of a new state directory (no class-data archive yet): %.1f ms%n",
                firstEver);
        double warmP50 = percentile(overhead, 50);
        double coldP50 = percentile(cold, 50);
        System.out.printf(Locale.ROOT, "warm overhead p50 %.3f ms = %.2fx GetFunction (target < 2 ms: %s)%n", warmP50,
                warmP50 / percentile(getFunction, 50), warmP50 < 2 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "cold invoke p50 %.1f ms = %.2fx a bare JVM (target < 500 ms: %s)%n", coldP50,
                coldP50 / percentile(jvm, 50), coldP50 < 500 ? "met" : "NOT met");
    }

    private static void create(LambdaClient lambda, String name, byte[] code, String handler, String runtime) {
        lambda.createFunction(EmulatorFixture.createRequest(name, code).handler(handler).runtime(runtime)
                .memorySize(512).timeout(10).build());
    }

    private static InvokeResponse invoke(LambdaClient lambda, String name) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL).payload(PAYLOAD));
        if (response.functionError() != null) {
            throw new IllegalStateException(response.payload().asUtf8String());
        }
        return response;
    }

    private static double reportedDuration(InvokeResponse response) {
        Matcher m = DURATION.matcher(new String(Base64.getDecoder().decode(response.logResult()),
                StandardCharsets.UTF_8));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double millis(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double bareJvmMillis() throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return (System.nanoTime() - start) / 1e6;
    }


    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "?";
        }
    }



    private InvokeApiBenchmark() {}
}
