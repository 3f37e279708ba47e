package dev.lambdamaven.emulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        String requestId = answer.get("requestId").asText();
        assertThat(result.logTail())
                .contains("START RequestId: " + requestId + " Version: $LATEST")
                .contains("greeting Ada")
                .contains("END RequestId: " + requestId)
                .containsPattern("REPORT RequestId: " + requestId + "\tDuration: [0-9.]+ ms\tBilled Duration: [0-9]+ ms"
                        + "\tMemory Size: 512 MB\tMax Memory Used: [0-9]+ MB\tInit Duration: [0-9.]+ ms");
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
