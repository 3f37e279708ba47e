package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import dev.lambdamaven.emulator.runtime.TestFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * With {@code warmAfterUpdate} (what lambda:dev asks for) an update starts an environment of the new code at once, so
 * the next invoke is warm; without it, as on AWS, the first invoke after an update is a cold start.
 */
class WarmAfterUpdateTest {

    @TempDir
    Path dir;

    @Test
    void anUpdateStartsTheNewCodesEnvironmentAheadOnlyWhenAskedTo() throws Exception {
        assertThat(initAfterUpdate(true)).as("warm after update").doesNotContain("Init Duration");
        assertThat(initAfterUpdate(false)).as("the default, as AWS").contains("Init Duration");
    }

    /** The log of the first invoke after a configuration update (once an environment of the new code could be up). */
    private String initAfterUpdate(boolean warm) throws Exception {
        LocalFunctionRuntime runtime = new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work" + warm)));
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state" + warm))
                        .functionRuntime(runtime).warmAfterUpdate(warm).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(EmulatorFixture.createRequest("greeter", TestFunctions.javaHandlersZip())
                    .runtime("java17").handler("demo.Greeter::handleRequest").timeout(30)
                    .environment(e -> e.variables(Map.of("GREETING", "Hello"))).build());
            lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("greeter"));
            invoke(lambda);
            var before = java.util.Set.copyOf(runtime.environmentPids());
            lambda.updateFunctionConfiguration(b -> b.functionName("greeter")
                    .environment(e -> e.variables(Map.of("GREETING", "Hi"))));
            lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("greeter"));
            ProvisionedConcurrencyRuntimeTest.await(() -> !warm || !before.containsAll(runtime.environmentPids()),
                    "an environment of the new code starts");
            InvokeResponse response = invoke(lambda);
            assertThat(Json.parse(response.payload().asByteArray()).get("message").asText()).isEqualTo("Hi, Ada");
            return new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        }
    }

    private static InvokeResponse invoke(LambdaClient lambda) {
        return lambda.invoke(b -> b.functionName("greeter").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\"}")));
    }
}
