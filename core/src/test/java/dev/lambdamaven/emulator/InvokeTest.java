package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.runtime.InvocationRequest;
import dev.lambdamaven.emulator.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class InvokeTest {

    @TempDir
    Path dir;

    /** A test double: echoes the payload, fails when asked, records what the emulator resolved. */
    static final class EchoRuntime implements FunctionRuntime {
        final List<InvocationRequest> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch events = new CountDownLatch(1);

        @Override
        public InvocationResult invoke(InvocationRequest request) {
            seen.add(request);
            events.countDown();
            String payload = new String(request.payload(), StandardCharsets.UTF_8);
            if (payload.contains("fail")) {
                return new InvocationResult("{\"errorMessage\":\"boom\"}".getBytes(StandardCharsets.UTF_8),
                        "Unhandled", "START\nboom\nEND");
            }
            return new InvocationResult(payload.getBytes(StandardCharsets.UTF_8), null, "log line " + request.version());
        }

        @Override
        public void close() {}
    }

    @Test
    void invokesVersionsAndAliasesThroughTheRuntime() throws Exception {
        EchoRuntime runtime = new EchoRuntime();
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).functionRuntime(runtime).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("fn", zip("a", "1")).environment(e -> e.variables(
                    Map.of("TABLE", "orders"))).publish(true).build());
            lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1"));

            var result = lambda.invoke(b -> b.functionName("fn").qualifier("live").logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"x\":1}")));
            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.payload().asUtf8String()).isEqualTo("{\"x\":1}");
            assertThat(result.executedVersion()).isEqualTo("1");
            assertThat(new String(Base64.getDecoder().decode(result.logResult()), StandardCharsets.UTF_8))
                    .isEqualTo("log line 1");
            InvocationRequest seen = runtime.seen.get(0);
            assertThat(seen.environment()).containsEntry("TABLE", "orders");
            assertThat(seen.invokedArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn:live");
            assertThat(Files.exists(seen.codeZip())).isTrue();
            assertThat(seen.handler()).isEqualTo("example.Handler::handleRequest");

            var failed = lambda.invoke(b -> b.functionName("fn").payload(SdkBytes.fromUtf8String("\"fail\"")));
            assertThat(failed.statusCode()).isEqualTo(200);
            assertThat(failed.functionError()).isEqualTo("Unhandled");
            assertThat(failed.executedVersion()).isEqualTo("$LATEST");

            var dry = lambda.invoke(b -> b.functionName("fn").invocationType(InvocationType.DRY_RUN));
            assertThat(dry.statusCode()).isEqualTo(204);
        }
    }

    @Test
    void eventInvocationsAreQueuedAndAnswered202() throws Exception {
        EchoRuntime runtime = new EchoRuntime();
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).functionRuntime(runtime).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("fn", zip("a", "1")).build());
            var accepted = lambda.invoke(b -> b.functionName("fn").invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{}")));
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(runtime.events.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void weightedAliasesSplitTraffic() throws Exception {
        EchoRuntime runtime = new EchoRuntime();
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).functionRuntime(runtime).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("fn", zip("a", "1")).publish(true).build());
            lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(zip("a", "2")))
                    .publish(true));
            lambda.createAlias(b -> b.functionName("fn").name("canary").functionVersion("1")
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.5))));
            java.util.Set<String> executed = new java.util.HashSet<>();
            for (int i = 0; i < 60 && executed.size() < 2; i++) {
                executed.add(lambda.invoke(b -> b.functionName("fn:canary")).executedVersion());
            }
            assertThat(executed).containsExactlyInAnyOrder("1", "2");
        }
    }

    @Test
    void refusesPendingFunctionsZeroConcurrencyBadPayloadsAndMissingRuntime() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir)
                        .activationDelay(Duration.ofSeconds(30)).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("pending", zip("a", "1")).build());
            assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("pending")))
                    .isInstanceOf(ResourceConflictException.class)
                    // AWS: https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-invocation.html
                    .hasMessageContaining("The operation cannot be performed at this time. The function is currently in"
                            + " the following state: Pending");
        }
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("zero", zip("a", "1")).build());
            lambda.putFunctionConcurrency(b -> b.functionName("zero").reservedConcurrentExecutions(0));
            assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("zero")))
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        // AWS: LocalStack (test_lambda), TestLambdaConcurrency::test_lambda_concurrency_block
                        assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
                    });
            lambda.deleteFunctionConcurrency(b -> b.functionName("zero"));
            assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("zero")
                    .payload(SdkBytes.fromUtf8String("{not json"))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("InvalidRequestContentException"));
            assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("zero")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceException");
                        // emulator's own wording (docs/emulator.md): AWS always has a runtime
                        assertThat(e.awsErrorDetails().errorMessage()).contains("no function runtime");
                    });
        }
    }
}
