package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import dev.lambdamaven.emulator.runtime.TestFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SnapStartOptimizationStatus;

/**
 * SnapStart as Lambda runs it, driven by the official runtime interface client: publishing the version runs its init
 * and beforeCheckpoint hook once (before the publish is answered); the first invocation restores that environment,
 * runs afterRestore (its effect in the answer) and reports {@code Restore Duration} instead of {@code Init Duration}.
 * $LATEST never uses SnapStart.
 */
class SnapStartTest {

    @TempDir
    Path dir;

    @Test
    void publishingCheckpointsTheVersionAndItsFirstInvocationRestoresIt() throws Exception {
        Path hooks = dir.resolve("hooks.log");
        try (Emulator emulator = withRuntime();
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            createSnapStartFunction(lambda, Map.of("HOOK_LOG", hooks.toString()));

            var published = lambda.publishVersion(b -> b.functionName("orders"));
            assertThat(published.snapStart().optimizationStatus()).isEqualTo(SnapStartOptimizationStatus.ON);
            // Pending while the snapshot is taken, as AWS answers a SnapStart publish (the developer guide: a SnapStart
            // version can be invoked once it is Active)
            assertThat(published.stateAsString()).isEqualTo("Pending");
            assertThat(published.stateReasonCodeAsString()).isEqualTo("Creating");
            assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("orders").qualifier("1")))
                    .isInstanceOf(ResourceConflictException.class).hasMessageContaining("state: Pending");
            awaitSettled(lambda);
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName("orders").qualifier("1")).stateAsString())
                    .isEqualTo("Active");
            assertThat(lambda.publishVersion(b -> b.functionName("orders")).stateAsString())
                    .as("publishing the same again answers the version as it is").isEqualTo("Active");
            List<String> atPublish = Files.readAllLines(hooks);
            assertThat(atPublish).hasSize(2);
            assertThat(atPublish.get(0)).startsWith("init ");
            assertThat(atPublish.get(1)).startsWith("beforeCheckpoint ");
            String snapshotPid = atPublish.get(1).split(" ")[1];

            InvokeResponse first = invoke(lambda, "1");
            JsonNode answer = Json.parse(first.payload().asByteArray());
            assertThat(answer.get("connection").asText()).isEqualTo("reopened after restore");
            assertThat(answer.get("restores").asInt()).isEqualTo(1);
            assertThat(answer.get("initializationType").asText()).isEqualTo("snap-start");
            assertThat(answer.get("pid").asText()).as("the environment checkpointed at publish").isEqualTo(snapshotPid);
            String log = log(first);
            assertThat(log).contains("afterRestore ran").doesNotContain("beforeCheckpoint ran")
                    .containsPattern("\tRestore Duration: \\d+\\.\\d\\d ms\tBilled Restore Duration: \\d+ ms\t")
                    .doesNotContain("Init Duration");
            assertThat(Files.readAllLines(hooks)).contains("afterRestore " + snapshotPid);

            // the next new environment of the version restores too: a snapshot is taken again, in the background
            ProvisionedConcurrencyRuntimeTest.await(() -> lines(hooks).stream().filter(l -> l.startsWith("beforeCheckpoint "))
                    .count() == 2, "a second snapshot");

            InvokeResponse warm = invoke(lambda, "1");
            assertThat(Json.parse(warm.payload().asByteArray()).get("restores").asInt()).isEqualTo(1);
            assertThat(log(warm)).doesNotContain("Restore Duration").doesNotContain("Init Duration");

            InvokeResponse latest = invoke(lambda, "$LATEST");
            JsonNode onDemand = Json.parse(latest.payload().asByteArray());
            assertThat(onDemand.get("initializationType").asText()).isEqualTo("on-demand");
            assertThat(onDemand.get("connection").asText()).isEqualTo("opened at init");
            assertThat(log(latest)).contains("Init Duration").doesNotContain("Restore Duration");
        }
    }

    @Test
    void withoutASnapshotANewEnvironmentInitialisesAndRestoresAtOnce() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) { // no runtime: published, no snapshot
            lambda.createFunction(EmulatorFixture.createRequest("orders", TestFunctions.javaHandlersZip())
                    .runtime("java17").handler("demo.SnapStartHandler::handleRequest").timeout(30).publish(true)
                    .snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS)).build());
        }
        try (Emulator emulator = withRuntime();
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            InvokeResponse first = invoke(lambda, "1");
            JsonNode answer = Json.parse(first.payload().asByteArray());
            assertThat(answer.get("connection").asText()).isEqualTo("reopened after restore");
            assertThat(answer.get("restores").asInt()).isEqualTo(1);
            assertThat(log(first)).contains("beforeCheckpoint ran", "afterRestore ran", "Restore Duration: ",
                    "Init Duration: ");
        }
    }

    @Test
    void aVersionWhoseBeforeCheckpointHookFailsFails() throws Exception {
        try (Emulator emulator = withRuntime();
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            createSnapStartFunction(lambda, Map.of("FAIL_CHECKPOINT", "yes"));
            lambda.publishVersion(b -> b.functionName("orders"));

            var version = awaitSettled(lambda);
            assertThat(version.stateAsString()).isEqualTo("Failed");
            assertThat(version.stateReasonCodeAsString()).isEqualTo("FunctionError");
            // the runtime client reports a failing hook as its CheckpointException (the hook's exception suppressed in it)
            assertThat(version.stateReason()).contains("beforeCheckpoint").contains("crac.CheckpointException");
            assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("orders").qualifier("1")))
                    .isInstanceOf(ResourceConflictException.class).hasMessageContaining("Failed");
            assertThat(invoke(lambda, "$LATEST").statusCode()).as("$LATEST runs no hooks").isEqualTo(200);
        }
    }

    /** Version 1 once its snapshot was taken (or failed). */
    private static software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse awaitSettled(
            LambdaClient lambda) throws InterruptedException {
        ProvisionedConcurrencyRuntimeTest.await(() -> !lambda.getFunctionConfiguration(b -> b.functionName("orders")
                .qualifier("1")).stateAsString().equals("Pending"), "version 1 leaves Pending");
        return lambda.getFunctionConfiguration(b -> b.functionName("orders").qualifier("1"));
    }

    /** An emulator on the test's state directory with the local runtime. */
    private Emulator withRuntime() throws java.io.IOException {
        return Emulator.start(EmulatorFixture.options(dir.resolve("state")).functionRuntime(
                new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work")))).build());
    }

    /** {@code orders}: demo.SnapStartHandler with SnapStart on published versions, Active. */
    private static void createSnapStartFunction(LambdaClient lambda, Map<String, String> variables) {
        lambda.createFunction(EmulatorFixture.createRequest("orders", TestFunctions.javaHandlersZip())
                .runtime("java17").handler("demo.SnapStartHandler::handleRequest").timeout(30)
                .snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS))
                .environment(e -> e.variables(variables)).build());
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("orders"));
    }

    private static InvokeResponse invoke(LambdaClient lambda, String qualifier) {
        InvokeResponse response = lambda.invoke(b -> b.functionName("orders").qualifier(qualifier)
                .logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));
        assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
        return response;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String log(InvokeResponse response) {
        return new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    }
}
