package dev.lambdamaven.emulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.ExternalTools;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: JVMs running the official runtime interface client, and a bash custom runtime. */
class LocalFunctionRuntimeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private LocalFunctionRuntime runtime;

    @BeforeEach
    void start() {
        runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(work));
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void javaHandlerBuildsItsAnswerFromAnEnvironmentVariable() throws Exception {
        InvocationResult result = runtime.invoke(TestFunctions.javaRequest("greeter", "demo.Greeter::handleRequest",
                10, Map.of("GREETING", "Bonjour"), List.of(), "{\"name\":\"Ada\"}"));

        assertThat(result.functionError()).isNull();
        JsonNode answer = JSON.readTree(result.payload());
        assertThat(answer.get("message").asText()).isEqualTo("Bonjour, Ada");
        assertThat(answer.get("functionName").asText()).isEqualTo("greeter");
        assertThat(answer.get("version").asText()).isEqualTo("$LATEST");
        assertThat(answer.get("arn").asText()).isEqualTo(TestFunctions.ARN_PREFIX + "greeter:live");
        assertThat(answer.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(answer.get("remainingMillis").asLong()).isBetween(1L, 10_000L);
        assertThat(answer.get("executionEnv").asText()).isEqualTo("AWS_Lambda_java17");
        assertThat(answer.get("userDir").asText()).isEqualTo(answer.get("taskRoot").asText());
        Path environment = Path.of(answer.get("taskRoot").asText()).getParent();
        assertThat(answer.get("tmpDir").asText()).as("a TMPDIR of its own, removed with the environment")
                .isEqualTo(environment.resolve("tmp").toString()).isEqualTo(answer.get("javaTmpDir").asText());
        assertThat(answer.get("hasHostHome").asBoolean()).as("the host environment does not leak in").isFalse();
        String requestId = answer.get("requestId").asText();
        assertThat(result.logTail())
                .contains("START RequestId: " + requestId + " Version: $LATEST")
                .contains("greeting Ada")
                .contains("END RequestId: " + requestId)
                .containsPattern("REPORT RequestId: " + requestId + "\tDuration: [0-9.]+ ms\tBilled Duration: [0-9]+ ms"
                        + "\tMemory Size: 512 MB\tMax Memory Used: [0-9]+ MB\tInit Duration: [0-9.]+ ms");
        var memory = java.util.regex.Pattern.compile("Max Memory Used: ([0-9]+) MB").matcher(result.logTail());
        assertThat(memory.find()).isTrue();
        assertThat(Long.parseLong(memory.group(1))).as("the JVM's memory, not its supervisor's").isGreaterThan(20);
    }

    /**
     * A java21 function runs on the JDK named for it, here the newest JDK 21+ installed under /usr/lib/jvm (the build
     * runs on 17; the CI machine has Temurin's newer JDK there). Which JDK is picked without a setting is decided
     * by JavaHomeResolver and tested with stand-in JDK homes in RuntimeSetupTest.
     */
    @Test
    void aJavaFunctionRunsOnTheJdkNamedForIt() throws Exception {
        Optional<Path> jdk = newestInstalledJdk(21);
        ExternalTools.require(jdk.isPresent(), "no JDK 21 or newer under /usr/lib/jvm (install one, e.g. Temurin's)");
        int feature = JavaHomeResolver.featureVersion(jdk.get()).orElseThrow();
        runtime.close();
        runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(work).withJavaHome(jdk.get()));

        JsonNode answer = JSON.readTree(runtime.invoke(TestFunctions.request("java21", "java21",
                "demo.Greeter::handleRequest", TestFunctions.get().handlersZip, 10, Map.of("GREETING", "Hi"), List.of(),
                "{}")).payload());

        assertThat(answer.get("javaFeatureVersion").asInt()).as("ran on %s", jdk.get()).isEqualTo(feature);
        assertThat(answer.get("executionEnv").asText()).isEqualTo("AWS_Lambda_java21");
    }

    @Test
    void aJdkTooOldForTheRuntimeIsRefusedNamingTheSetting() throws Exception {
        Path jdk11 = Files.createDirectories(work.resolve("jdk-11"));
        Files.writeString(jdk11.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        runtime.close();
        runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(work).withJavaHome(jdk11));
        InvocationRequest request = TestFunctions.request("java21", "java21", "demo.Greeter::handleRequest",
                TestFunctions.get().handlersZip, 10, Map.of(), List.of(), "{}");

        assertThatThrownBy(() -> runtime.invoke(request)).isInstanceOf(LocalRuntimeException.class)
                .hasMessage("lambda.invoke.javaHome=" + jdk11 + " is Java 11 but runtime java21 needs Java 21 or newer."
                        + " Point lambda.invoke.javaHome at a newer JDK.");
    }

    private static Optional<Path> newestInstalledJdk(int atLeast) throws IOException {
        Path root = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (var homes = Files.list(root)) {
            return homes.filter(h -> Files.isExecutable(JavaHomeResolver.javaLauncher(h)))
                    .filter(h -> JavaHomeResolver.featureVersion(h).orElse(0) >= atLeast)
                    .max(Comparator.comparing((Path h) -> JavaHomeResolver.featureVersion(h).orElse(0))
                            .thenComparing(Path::toString));
        }
    }

    @Test
    void handlerExceptionIsAnUnhandledFunctionErrorWithItsMessage() throws Exception {
        InvocationResult result = runtime.invoke(TestFunctions.javaRequest("thrower", "demo.Thrower::handleRequest",
                10, Map.of(), List.of(), "{\"name\":\"Ada\"}"));

        assertThat(result.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(result.payload());
        assertThat(error.get("errorMessage").asText()).isEqualTo("boom: Ada");
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("stackTrace").isArray()).isTrue();
        assertThat(error.get("stackTrace").toString()).contains("demo.Thrower.handleRequest");
    }

    @Test
    void handlerPastItsTimeoutIsStoppedAndItsProcessIsGone() throws Exception {
        InvocationResult result = runtime.invoke(TestFunctions.javaRequest("sleeper", "demo.Sleeper::handleRequest",
                1, Map.of(), List.of(), "{}"));

        assertThat(result.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(result.payload());
        // AWS: LocalStack (test_lambda), TestLambdaBehavior::test_lambda_invoke_with_timeout
        assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.get("errorMessage").asText())
                .matches("RequestId: [0-9a-f-]{36} Error: Task timed out after 1\\.00 seconds");
        assertThat(result.logTail()).contains("Task timed out after 1.00 seconds");
        long pid = pidIn(result.logTail());
        assertThat(alive(pid)).as("process %s after the timeout", pid).isFalse();
        assertThat(runtime.environmentPids()).doesNotContain(pid);
    }

    @Test
    void warmEnvironmentServesTheNextInvocationOfTheSameVersion() throws Exception {
        InvocationRequest request = TestFunctions.javaRequest("warm", "demo.Greeter::handleRequest", 10,
                Map.of("GREETING", "Hi"), List.of(), "{\"name\":\"x\"}");

        JsonNode first = JSON.readTree(runtime.invoke(request).payload());
        InvocationResult secondResult = runtime.invoke(request);
        JsonNode second = JSON.readTree(secondResult.payload());

        assertThat(second.get("pid").asLong()).isEqualTo(first.get("pid").asLong());
        assertThat(second.get("invocations").asInt()).isEqualTo(2);
        assertThat(secondResult.logTail()).doesNotContain("Init Duration");
    }

    @Test
    void changedConfigurationGetsANewEnvironment() throws Exception {
        JsonNode first = JSON.readTree(runtime.invoke(TestFunctions.javaRequest("reconfigured",
                "demo.Greeter::handleRequest", 10, Map.of("GREETING", "Hi"), List.of(), "{}")).payload());
        JsonNode second = JSON.readTree(runtime.invoke(TestFunctions.javaRequest("reconfigured",
                "demo.Greeter::handleRequest", 10, Map.of("GREETING", "Hello"), List.of(), "{}")).payload());

        assertThat(second.get("pid").asLong()).isNotEqualTo(first.get("pid").asLong());
        assertThat(second.get("message").asText()).startsWith("Hello");
    }

    @Test
    void concurrentInvocationsGetSeparateEnvironments() throws Exception {
        Path rendezvous = java.nio.file.Files.createDirectories(work.resolve("rendezvous"));
        InvocationRequest request = TestFunctions.javaRequest("parallel", "demo.Rendezvous::handleRequest", 30,
                Map.of("RENDEZVOUS_DIR", rendezvous.toString(), "RENDEZVOUS_PARTIES", "2"), List.of(), "{}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<InvocationResult>> calls = List.of(() -> runtime.invoke(request), () -> runtime.invoke(request));
            List<Long> pids = new ArrayList<>();
            for (Future<InvocationResult> f : pool.invokeAll(calls)) {
                InvocationResult result = f.get();
                assertThat(result.functionError()).as(new String(result.payload())).isNull();
                pids.add(Long.parseLong(new String(result.payload(), java.nio.charset.StandardCharsets.UTF_8)));
            }
            assertThat(pids).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void layerClassOnJavaLibIsFound() throws Exception {
        InvocationResult result = runtime.invoke(TestFunctions.javaRequest("layered", "demo.LayerUser::handleRequest",
                10, Map.of(), List.of(TestFunctions.get().layerZip), "{\"name\":\"Ada\"}"));

        assertThat(result.functionError()).isNull();
        assertThat(new String(result.payload(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("\"hello Ada from the layer\"");
    }

    @Test
    void missingHandlerClassIsReportedAsTheRuntimeClientReportsIt() throws Exception {
        // the Java client reports a handler it cannot load on each invocation, like on AWS
        InvocationResult result = runtime.invoke(TestFunctions.javaRequest("broken", "demo.Missing::handleRequest",
                10, Map.of(), List.of(), "{}"));

        assertThat(result.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(result.payload());
        // the text of the official runtime interface client itself, which runs the handler here as on AWS
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(error.get("errorMessage").asText()).isEqualTo("Class not found: demo.Missing");
    }

    @Test
    void initErrorPostedByTheRuntimeIsTheResultAndTheEnvironmentIsDropped() throws Exception {
        Path root = work.resolve("init-error");
        java.nio.file.Files.createDirectories(root);
        String body = "{\"errorMessage\":\"no config\",\"errorType\":\"Runtime.InitError\"}";
        java.nio.file.Files.writeString(root.resolve("bootstrap"), String.join("\n",
                "#!/bin/bash",
                "HOST=$AWS_LAMBDA_RUNTIME_API",
                "BODY='" + body + "'",
                "exec 3<>/dev/tcp/${HOST%:*}/${HOST##*:}",
                "printf 'POST /2018-06-01/runtime/init/error HTTP/1.1\\r\\nHost: x\\r\\n"
                        + "Lambda-Runtime-Function-Error-Type: Runtime.InitError\\r\\nContent-Length: %d\\r\\n"
                        + "Connection: close\\r\\n\\r\\n%s' ${#BODY} \"$BODY\" >&3",
                "cat <&3 >/dev/null",
                "sleep 30", ""));
        Path zip = TestFunctions.zip(root, "", work.resolve("init-error.zip"));

        InvocationResult result = runtime.invoke(TestFunctions.request("init-error", "provided.al2023", "x", zip, 10,
                Map.of(), List.of(), "{}"));

        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(new String(result.payload(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(runtime.environmentPids()).isEmpty();
    }

    @Test
    void bootstrapCustomRuntimeAnswers() throws Exception {
        InvocationRequest request = TestFunctions.request("custom", "provided.al2023", "my.handler",
                TestFunctions.get().bootstrapZip, 10, Map.of(), List.of(), "{\"n\":1}");

        InvocationResult first = runtime.invoke(request);
        InvocationResult second = runtime.invoke(request);

        assertThat(first.functionError()).isNull();
        JsonNode answer = JSON.readTree(second.payload());
        assertThat(answer.get("echo").get("n").asInt()).isEqualTo(1);
        assertThat(answer.get("handler").asText()).isEqualTo("my.handler");
        assertThat(first.logTail()).contains("bootstrap started for custom").contains("handling ");
        assertThat(runtime.environmentPids()).hasSize(1);
    }

    @Test
    void customRuntimeGetsAPlainHostAndPortAsAwsPromises() throws Exception {
        // the bootstrap of examples/custom-runtime splits AWS_LAMBDA_RUNTIME_API into host and port
        Path example = Path.of("../examples/custom-runtime/src/main/lambda"); // from the core module
        Path zip = TestFunctions.zip(example, "", work.resolve("example.zip"));

        InvocationResult result = runtime.invoke(TestFunctions.request("example", "provided.al2023", "greet", zip, 10,
                Map.of(), List.of(), "{\"name\":\"Ada\"}"));

        assertThat(result.functionError()).as(result.logTail()).isNull();
        JsonNode answer = JSON.readTree(result.payload());
        assertThat(answer.get("message").asText()).isEqualTo("Hello from bash");
        assertThat(answer.get("event").get("name").asText()).isEqualTo("Ada");
    }

    @Test
    void bootstrapThatExitsIsARuntimeExitError() throws Exception {
        Path root = work.resolve("exiting");
        java.nio.file.Files.createDirectories(root);
        java.nio.file.Files.writeString(root.resolve("bootstrap"), "#!/bin/sh\necho giving up\nexit 3\n");
        Path zip = TestFunctions.zip(root, "", work.resolve("exiting.zip"));

        InvocationResult result = runtime.invoke(TestFunctions.request("exiting", "provided.al2", "x", zip, 10,
                Map.of(), List.of(), "{}"));

        assertThat(result.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(result.payload());
        // AWS: LocalStack (test_lambda), TestLambdaErrors::test_lambda_runtime_wrapper_not_found ("exit status 127")
        assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.get("errorMessage").asText()).endsWith("Error: Runtime exited with error: exit status 3");
        assertThat(result.logTail()).contains("giving up");
    }

    @Test
    void idleEnvironmentStopsAfterTheIdleTimeout() throws Exception {
        runtime.close();
        runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(work).withIdleTimeout(Duration.ofMillis(200)));
        long pid = JSON.readTree(runtime.invoke(TestFunctions.request("idle", "provided.al2023", "h",
                TestFunctions.get().bootstrapZip, 10, Map.of(), List.of(), "{}")).payload()).get("pid").asLong();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!runtime.environmentPids().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(runtime.environmentPids()).isEmpty();
        assertThat(alive(pid)).isFalse();
    }

    @Test
    void closeLeavesNoChildAlive() throws Exception {
        long javaPid = JSON.readTree(runtime.invoke(TestFunctions.javaRequest("closing", "demo.Greeter::handleRequest",
                10, Map.of(), List.of(), "{}")).payload()).get("pid").asLong();
        runtime.invoke(TestFunctions.request("closing-custom", "provided.al2023", "h",
                TestFunctions.get().bootstrapZip, 10, Map.of(), List.of(), "{}"));
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        assertThat(children).extracting(ProcessHandle::pid).contains(javaPid);

        runtime.close();

        for (ProcessHandle child : children) { // gone when close returns: supervisors, runtimes, the CDS training
            assertThat(child.isAlive()).as("child %s %s", child.pid(), child.info().commandLine().orElse(""))
                    .isFalse();
        }
        assertThat(runtime.environmentPids()).isEmpty();
        try (var left = java.nio.file.Files.list(work.resolve("environments"))) {
            assertThat(left).as("task, opt and TMPDIR of each environment").isEmpty();
        }
    }

    @Test
    void leftoversOfADeadEmulatorAreRemovedButThoseOfALiveOneAreKept() throws Exception {
        runtime.close();
        Path environments = work.resolve("environments");
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path dead = java.nio.file.Files.createDirectories(environments.resolve("env-" + finished.pid() + "-1-ab/task"));
        Path live = java.nio.file.Files.createDirectories(
                environments.resolve("env-" + ProcessHandle.current().pid() + "-99-cd/task"));

        runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(work));

        assertThat(dead).doesNotExist();
        assertThat(live).exists();
    }

    @Test
    void unsupportedRuntimeIsALocalRuntimeErrorNamingTheAlternatives() {
        InvocationRequest request = TestFunctions.request("py", "python3.12", "app.handler",
                TestFunctions.get().bootstrapZip, 3, Map.of(), List.of(), "{}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.invoke(request))
                .isInstanceOf(LocalRuntimeException.class)
                .hasMessageContaining("python3.12")
                .hasMessageContaining("provided.al2023");
    }

    private static long pidIn(String log) {
        Matcher m = Pattern.compile("PID=(\\d+)").matcher(log);
        assertThat(m.find()).as("the handler printed its pid in: %s", log).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
