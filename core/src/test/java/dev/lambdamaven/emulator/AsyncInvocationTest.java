package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Event invocations of real functions (a bash custom runtime) follow their asynchronous invocation config: retries,
 * then Lambda's invocation record to the destination. The expected record is the Lambda developer guide's example
 * (invocation-async.md, awsdocs/aws-lambda-developer-guide): version 1.0, requestContext with condition
 * RetriesExhausted and approximateInvokeCount, requestPayload, responseContext with functionError, responsePayload.
 */
class AsyncInvocationTest {

    @TempDir
    Path dir;
    Path records;
    Emulator emulator;
    LambdaClient lambda;

    @BeforeEach
    void start() throws Exception {
        records = Files.createDirectories(dir.resolve("records"));
        emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).asyncRetryDelay(Duration.ofMillis(10))
                .functionRuntime(new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work")))).build());
        lambda = EmulatorFixture.lambda(emulator);
        byte[] zip = EmulatorFixture.zip("bootstrap", Files.readString(resource("runtime/async-bootstrap")));
        for (String handler : List.of("fail", "record", "ok", "slow")) {
            lambda.createFunction(EmulatorFixture.createRequest(handler + "-fn", zip).runtime("provided.al2023")
                    .handler(handler).environment(e -> e.variables(Map.of("RECORD_DIR", records.toString())))
                    .build());
        }
    }

    @AfterEach
    void stop() {
        lambda.close();
        emulator.close();
    }

    @Test
    void aFailingEventIsRetriedThenDeliveredToItsOnFailureFunction() throws Exception {
        String sink = lambda.getFunction(b -> b.functionName("record-fn")).configuration().functionArn();
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("fail-fn").maximumRetryAttempts(1)
                .destinationConfig(d -> d.onFailure(f -> f.destination(sink))));

        InvokeResponse accepted = lambda.invoke(b -> b.functionName("fail-fn").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"order\":42}")));
        assertThat(accepted.statusCode()).isEqualTo(202);

        JsonNode record = Json.parse(Files.readAllBytes(awaitFiles(records, ".json", 1).get(0)));
        assertThat(record.get("version").asText()).isEqualTo("1.0");
        assertThat(record.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode request = record.get("requestContext");
        assertThat(request.get("requestId").asText()).isEqualTo(accepted.responseMetadata().requestId());
        assertThat(request.get("functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fail-fn:$LATEST");
        assertThat(request.get("condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(request.get("approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(record.get("requestPayload").get("order").asInt()).isEqualTo(42);
        JsonNode response = record.get("responseContext");
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(response.get("functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.get("responsePayload").get("errorMessage").asText()).isEqualTo("order cannot be priced");
        // one attempt and one retry, under the one request id
        assertThat(Files.readAllLines(records.resolve("attempts")))
                .containsExactly(request.get("requestId").asText(), request.get("requestId").asText());
    }

    @Test
    void otherDestinationsAndDeadLetterTargetsAreRecordedUnderTheStateDirectory() throws Exception {
        String queue = "arn:aws:sqs:us-east-1:123456789012:done";
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("ok-fn")
                .destinationConfig(d -> d.onSuccess(s -> s.destination(queue))));
        lambda.invoke(b -> b.functionName("ok-fn").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"n\":1}")));
        Path deliveries = dir.resolve("state/deliveries");
        JsonNode success = Json.parse(Files.readAllBytes(awaitFiles(deliveries.resolve(
                "arn_aws_sqs_us-east-1_123456789012_done"), ".json", 1).get(0)));
        assertThat(success.get("requestContext").get("condition").asText()).isEqualTo("Success");
        assertThat(success.get("requestContext").get("approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(success.get("responseContext").has("functionError")).isFalse();
        assertThat(success.get("responsePayload").get("ok").asBoolean()).isTrue();

        String topic = "arn:aws:sns:us-east-1:123456789012:dead-letters";
        lambda.updateFunctionConfiguration(b -> b.functionName("fail-fn").deadLetterConfig(d -> d.targetArn(topic)));
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("fail-fn"));
        InvokeResponse accepted = lambda.invoke(b -> b.functionName("fail-fn").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"order\":7}")));
        JsonNode dead = Json.parse(Files.readAllBytes(awaitFiles(deliveries.resolve(
                "arn_aws_sns_us-east-1_123456789012_dead-letters"), ".json", 1).get(0)));
        assertThat(Json.parse(dead.get("Body").asText().getBytes(StandardCharsets.UTF_8)).get("order").asInt())
                .isEqualTo(7);
        assertThat(dead.get("MessageAttributes").get("RequestID").asText())
                .isEqualTo(accepted.responseMetadata().requestId());
        assertThat(dead.get("MessageAttributes").get("ErrorMessage").asText()).isEqualTo("order cannot be priced");
        assertThat(Files.readAllLines(records.resolve("attempts"))).as("the default: two retries").hasSize(3);
    }

    @Test
    void withoutRetriesAFailureRunsOnce() throws Exception {
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("fail-fn").maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:123456789012:f"))));
        lambda.invoke(b -> b.functionName("fail-fn").invocationType(InvocationType.EVENT));
        JsonNode record = Json.parse(Files.readAllBytes(awaitFiles(dir.resolve(
                "state/deliveries/arn_aws_sqs_us-east-1_123456789012_f"), ".json", 1).get(0)));
        assertThat(record.get("requestContext").get("approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(Files.readAllLines(records.resolve("attempts"))).hasSize(1);
    }

    /**
     * A throttled event waits in the queue instead of being refused, as AWS recorded it
     * (test_reserved_concurrency_async_queue in localstack/localstack's test_lambda.py: with reserved concurrency 1,
     * a second Event invoke during a running one is accepted and runs later; a RequestResponse invoke meanwhile is
     * TooManyRequestsException).
     */
    @Test
    void anEventOverTheReservedConcurrencyWaitsInTheQueue() throws Exception {
        lambda.putFunctionConcurrency(b -> b.functionName("slow-fn").reservedConcurrentExecutions(1));
        InvokeResponse first = lambda.invoke(b -> b.functionName("slow-fn").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"n\":1}")));
        awaitFiles(records, ".running", 1);
        assertThat(catchThrowable(() -> lambda.invoke(b -> b.functionName("slow-fn"))))
                .as("the first event holds the one slot").isInstanceOf(TooManyRequestsException.class);
        InvokeResponse second = lambda.invoke(b -> b.functionName("slow-fn").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"n\":2}")));
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(first.statusCode()).isEqualTo(202);

        Files.writeString(records.resolve("release"), "");
        List<Path> ran = awaitFiles(records, ".json", 2);
        assertThat(ran).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                first.responseMetadata().requestId() + ".json", second.responseMetadata().requestId() + ".json");
    }

    /**
     * With reserved concurrency 0 an event goes to the failure destination and the dead-letter target without running
     * (the developer guide, "Capturing records of Lambda asynchronous invocations"). The record as AWS sent it,
     * recorded in localstack/localstack's test_lambda.snapshot.json (TestLambdaConcurrency, the zero reserved
     * concurrency case): condition ZeroReservedConcurrency, approximateInvokeCount 0, the request payload, no response.
     */
    @Test
    void withReservedConcurrencyZeroAnEventGoesToItsFailureDestinationWithoutRunning() throws Exception {
        lambda.putFunctionConcurrency(b -> b.functionName("record-fn").reservedConcurrentExecutions(0));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("record-fn").maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:123456789012:zero"))));

        InvokeResponse accepted = lambda.invoke(b -> b.functionName("record-fn").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode record = Json.parse(Files.readAllBytes(awaitFiles(dir.resolve(
                "state/deliveries/arn_aws_sqs_us-east-1_123456789012_zero"), ".json", 1).get(0)));
        JsonNode request = record.get("requestContext");
        assertThat(request.get("condition").asText()).isEqualTo("ZeroReservedConcurrency");
        assertThat(request.get("approximateInvokeCount").asInt()).isZero();
        assertThat(request.get("functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:record-fn:$LATEST");
        assertThat(record.get("requestPayload")).isEqualTo(Json.object());
        assertThat(record.has("responseContext")).isFalse();
        assertThat(record.has("responsePayload")).isFalse();
        try (Stream<Path> ran = Files.list(records)) {
            assertThat(ran).as("the function did not run").isEmpty();
        }
    }

    /**
     * Two functions, each the other's success destination, loop (a function cannot be its own destination); Lambda
     * stops the invocation that would be the 17th of the chain and sends its event to the failure destination,
     * unless the recursion config allows loops (the developer guide, "Use Lambda recursive loop detection to prevent
     * infinite loops").
     */
    @Test
    void aLoopOfDestinationsStopsAfterSixteenInvocationsUnlessAllowed() throws Exception {
        byte[] zip = EmulatorFixture.zip("bootstrap", Files.readString(resource("runtime/async-bootstrap")));
        String echo = lambda.createFunction(EmulatorFixture.createRequest("echo-fn", zip).runtime("provided.al2023")
                .handler("record").environment(e -> e.variables(Map.of("RECORD_DIR", records.toString()))).build())
                .functionArn();
        String record = lambda.getFunction(b -> b.functionName("record-fn")).configuration().functionArn();
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("record-fn").destinationConfig(d -> d
                .onSuccess(o -> o.destination(echo)).onFailure(f -> f.destination("arn:aws:sqs:us-east-1:123456789012:loop"))));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("echo-fn").destinationConfig(d -> d
                .onSuccess(o -> o.destination(record))));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("echo-fn"));

        lambda.invoke(b -> b.functionName("record-fn").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"start\":true}")));

        JsonNode stopped = Json.parse(Files.readAllBytes(awaitFiles(dir.resolve(
                "state/deliveries/arn_aws_sqs_us-east-1_123456789012_loop"), ".json", 1).get(0)));
        assertThat(stopped.get("requestContext").get("condition").asText()).isEqualTo("RecursiveInvocation");
        assertThat(stopped.get("requestContext").get("approximateInvokeCount").asInt()).isZero();
        assertThat(stopped.get("requestPayload").get("requestContext").get("condition").asText())
                .as("the 16th invocation's success record").isEqualTo("Success");
        assertThat(awaitFiles(records, ".json", 16)).as("the chain ran 16 times, no more").hasSize(16);

        for (String function : List.of("record-fn", "echo-fn")) {
            lambda.putFunctionRecursionConfig(b -> b.functionName(function).recursiveLoop("Allow"));
        }
        lambda.invoke(b -> b.functionName("record-fn").invocationType(InvocationType.EVENT));
        assertThat(awaitFiles(records, ".json", 40)).as("an allowed loop goes on").hasSizeGreaterThanOrEqualTo(40);
        lambda.deleteFunction(b -> b.functionName("echo-fn")); // which ends it
    }

    /** Polls until {@code dir} holds {@code count} files ending with {@code suffix}. */
    static List<Path> awaitFiles(Path dir, String suffix, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
                    if (found.size() >= count) {
                        return found;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + count + " *" + suffix + " files in " + dir + " within 30 s");
            }
            Thread.sleep(20);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AsyncInvocationTest.class.getClassLoader().getResource(name).toURI());
    }
}
