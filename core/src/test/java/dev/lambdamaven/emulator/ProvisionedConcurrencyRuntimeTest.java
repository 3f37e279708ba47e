package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import dev.lambdamaven.emulator.runtime.TestFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyStatusEnum;

/**
 * Provisioned concurrency runs ahead: once a config is READY, its environments (real JVMs of demo.Greeter) are up
 * before any invocation, the first invocation through the alias has no {@code Init Duration}, they outlive the idle
 * timeout, follow the alias to a new version (whose traffic waits on the old one until they are up) and to a canary
 * version, and end with the config.
 */
class ProvisionedConcurrencyRuntimeTest {

    @TempDir
    Path dir;

    @Test
    void provisionedEnvironmentsAreWarmBeforeTheFirstCallFollowTheAliasAndEndWithTheConfig() throws Exception {
        LocalFunctionRuntime runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work"))
                .withIdleTimeout(Duration.ofMillis(300)));
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).functionRuntime(runtime)
                        .build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            byte[] zip = TestFunctions.javaHandlersZip();
            lambda.createFunction(EmulatorFixture.createRequest("orders", zip).runtime("java17")
                    .handler("demo.Greeter::handleRequest").timeout(30).publish(true)
                    .environment(e -> e.variables(Map.of("GREETING", "Hello"))).build());
            lambda.createAlias(b -> b.functionName("orders").name("live").functionVersion("1"));
            lambda.putProvisionedConcurrencyConfig(b -> b.functionName("orders").qualifier("live")
                    .provisionedConcurrentExecutions(2));

            awaitReady(lambda);
            Set<Long> provisioned = runtime.environmentPids();
            assertThat(provisioned).as("started ahead, before any invocation").hasSize(2);

            InvokeResponse first = invoke(lambda, "live");
            assertThat(log(first)).contains("REPORT RequestId").doesNotContain("Init Duration");
            assertThat(provisioned).contains(Json.parse(first.payload().asByteArray()).get("pid").asLong());
            // the alias's environments serve its version too (recorded on AWS: localstack/localstack's test_lambda.py,
            // test_lambda_provisioned_concurrency_moves_with_alias, "Alias AND Version now both use
            // provisioned-concurrency"), with the initialization type the developer guide names
            assertThat(Json.parse(first.payload().asByteArray()).get("initializationType").asText())
                    .isEqualTo("provisioned-concurrency");
            assertThat(Json.parse(invoke(lambda, "1").payload().asByteArray()).get("initializationType").asText())
                    .isEqualTo("provisioned-concurrency");

            // an on-demand environment idles out; the provisioned ones stay
            InvokeResponse onDemand = invoke(lambda, "$LATEST");
            assertThat(log(onDemand)).contains("Init Duration");
            assertThat(Json.parse(onDemand.payload().asByteArray()).get("initializationType").asText())
                    .isEqualTo("on-demand");
            long onDemandPid = Json.parse(onDemand.payload().asByteArray()).get("pid").asLong();
            await(() -> !runtime.environmentPids().contains(onDemandPid), "the on-demand environment idles out");
            assertThat(runtime.environmentPids()).containsAll(provisioned);

            // the alias moves: the config follows it to version 2, whose first call is warm too
            lambda.updateFunctionConfiguration(b -> b.functionName("orders")
                    .environment(e -> e.variables(Map.of("GREETING", "Hi"))));
            lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("orders"));
            lambda.publishVersion(b -> b.functionName("orders"));
            var update = lambda.updateAlias(b -> b.functionName("orders").name("live").functionVersion("2"));
            // answered as asked (AWS recorded no RoutingConfig: localstack/localstack's test_lambda.snapshot.json,
            // test_lambda_provisioned_concurrency_moves_with_alias); AWS keeps the traffic on the version left, shown
            // as weight 1 on it, until the new version's environments are ready (terraform-provider-aws #48116:
            // additional_version_weights = {"1": 1}); the config is IN_PROGRESS with the old environments allocated
            assertThat(update.functionVersion()).isEqualTo("2");
            assertThat(update.routingConfig()).isNull();
            var moving = lambda.getAlias(b -> b.functionName("orders").name("live"));
            assertThat(moving.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("1", 1.0));
            var config = lambda.getProvisionedConcurrencyConfig(b -> b.functionName("orders").qualifier("live"));
            assertThat(config.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.IN_PROGRESS);
            assertThat(config.allocatedProvisionedConcurrentExecutions()).isEqualTo(2);
            assertThat(config.availableProvisionedConcurrentExecutions()).isEqualTo(2);
            assertThat(invoke(lambda, "live").executedVersion()).as("while version 2 warms up").isEqualTo("1");
            assertThat(catchThrowable(() -> lambda.putProvisionedConcurrencyConfig(b -> b.functionName("orders")
                    .qualifier("live").provisionedConcurrentExecutions(3))))
                    .hasMessageContaining("Alias with weights can not be used with Provisioned Concurrency");
            await(() -> runtime.environmentPids().size() == 2 && !runtime.environmentPids().containsAll(provisioned)
                    && runtime.environmentPids().stream().noneMatch(provisioned::contains),
                    "version 1's environments end, version 2's start");
            awaitReady(lambda);
            InvokeResponse moved = invoke(lambda, "live");
            assertThat(moved.executedVersion()).isEqualTo("2");
            assertThat(Json.parse(moved.payload().asByteArray()).get("message").asText()).isEqualTo("Hi, Ada");
            assertThat(log(moved)).doesNotContain("Init Duration");
            assertThat(lambda.getAlias(b -> b.functionName("orders").name("live")).routingConfig()).isNull();

            // a canary version takes its share only once its own environments are ready
            lambda.updateFunctionConfiguration(b -> b.functionName("orders")
                    .environment(e -> e.variables(Map.of("GREETING", "Hey"))));
            lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("orders"));
            lambda.publishVersion(b -> b.functionName("orders"));
            var canary = lambda.updateAlias(b -> b.functionName("orders").name("live")
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("3", 0.5))));
            assertThat(canary.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("3", 0.5));
            for (int i = 0; i < 5; i++) {
                assertThat(invoke(lambda, "live").executedVersion()).as("before the canary is warm").isEqualTo("2");
            }
            awaitReady(lambda);
            Set<String> ran = new java.util.HashSet<>();
            for (int i = 0; i < 40 && ran.size() < 2; i++) {
                InvokeResponse response = invoke(lambda, "live");
                ran.add(response.executedVersion());
                assertThat(log(response)).as("version " + response.executedVersion()).doesNotContain("Init Duration");
            }
            assertThat(ran).containsExactlyInAnyOrder("2", "3");

            lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("orders").qualifier("live"));
            await(() -> runtime.environmentPids().isEmpty(), "the environments end with their config");
        }
    }

    @Test
    void theNextEmulatorOnTheStateDirectoryStartsTheConfigsEnvironmentsAgain() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) { // no runtime: the config is only stored
            lambda.createFunction(EmulatorFixture.createRequest("orders", TestFunctions.javaHandlersZip())
                    .runtime("java17").handler("demo.Greeter::handleRequest").timeout(30).publish(true).build());
            lambda.createAlias(b -> b.functionName("orders").name("live").functionVersion("1"));
            lambda.putProvisionedConcurrencyConfig(b -> b.functionName("orders").qualifier("live")
                    .provisionedConcurrentExecutions(1));
        }
        LocalFunctionRuntime runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work")));
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).functionRuntime(runtime)
                        .build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            awaitReady(lambda);
            assertThat(runtime.environmentPids()).hasSize(1);
            assertThat(log(invoke(lambda, "live"))).doesNotContain("Init Duration");
        }
    }

    /**
     * A function this machine cannot run (a Python runtime: local invoke runs Java and custom runtimes) is READY as on
     * AWS, which records READY for a python3.12 version (LocalStack's test_lambda_api.snapshot.json,
     * TestLambdaProvisionedConcurrency::test_lambda_provisioned_lifecycle); its invocations say why it cannot run.
     */
    @Test
    void aFunctionThisMachineCannotRunIsReadyAsOnAwsAndItsInvokeSaysWhy() throws Exception {
        LocalFunctionRuntime runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work")));
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).functionRuntime(runtime)
                        .build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(EmulatorFixture.createRequest("orders", EmulatorFixture.zip("index.py", "x"))
                    .runtime("python3.12").handler("index.handler").publish(true).build());
            lambda.createAlias(b -> b.functionName("orders").name("live").functionVersion("1"));
            lambda.putProvisionedConcurrencyConfig(b -> b.functionName("orders").qualifier("live")
                    .provisionedConcurrentExecutions(1));

            awaitReady(lambda);
            assertThat(runtime.environmentPids()).as("nothing runs").isEmpty();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> lambda.invoke(b -> b.functionName("orders")
                    .qualifier("live")))).hasMessageContaining("python3.12 cannot run locally");
        }
    }

    private static InvokeResponse invoke(LambdaClient lambda, String qualifier) {
        InvokeResponse response = lambda.invoke(b -> b.functionName("orders").qualifier(qualifier)
                .logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\"}")));
        assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
        return response;
    }

    private static String log(InvokeResponse response) {
        return new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    }

    private static void awaitReady(LambdaClient lambda) throws InterruptedException {
        await(() -> {
            var config = lambda.getProvisionedConcurrencyConfig(b -> b.functionName("orders").qualifier("live"));
            assertThat(config.status()).isNotEqualTo(ProvisionedConcurrencyStatusEnum.FAILED);
            return config.status() == ProvisionedConcurrencyStatusEnum.READY;
        }, "the config is READY");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
