package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * kill -9 of an emulator (no shutdown hook runs): its execution environments end with it, the runtime's own
 * children too, although this {@code bootstrap} retries forever when the Runtime API is gone, writing to its temp
 * directory each time, as the one that filled a host's /tmp did.
 */
class EnvironmentsEndWithTheEmulatorTest {

    private static final String BOOTSTRAP = String.join("\n",
            "#!/bin/bash",
            "sleep 600 &", // a child of the runtime: must end too
            "child=$!",
            "API=$AWS_LAMBDA_RUNTIME_API",
            "while true; do",
            "  if ! exec 3<>\"/dev/tcp/${API%:*}/${API##*:}\"; then date >> \"$TMPDIR/retries\"; sleep 0.01; continue; fi",
            "  printf 'GET /2018-06-01/runtime/invocation/next HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n' >&3",
            "  id=''",
            "  while IFS= read -r line <&3; do line=${line%$'\\r'}; [[ -z $line ]] && break;",
            "    case ${line,,} in lambda-runtime-aws-request-id:*) id=${line#*: } ;; esac; done",
            "  exec 3<&-",
            "  [[ -z $id ]] && { date >> \"$TMPDIR/retries\"; sleep 0.01; continue; }",
            "  body=\"{\\\"pid\\\":$$,\\\"child\\\":$child,\\\"tmp\\\":\\\"$TMPDIR\\\"}\"",
            "  exec 3<>\"/dev/tcp/${API%:*}/${API##*:}\" || continue",
            "  printf 'POST /2018-06-01/runtime/invocation/%s/response HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: %d\\r\\n"
                    + "Connection: close\\r\\n\\r\\n%s' \"$id\" \"${#body}\" \"$body\" >&3",
            "  cat <&3 >/dev/null; exec 3<&-",
            "done",
            "");

    @TempDir
    Path dir;

    @Test
    void aKill9EndsEveryProcessOfItsEnvironments() throws Exception {
        JsonNode answer;
        List<ProcessHandle> environmentProcesses;
        try (EmulatorProcessMain.Child child = EmulatorProcessMain.start(dir, List.of(),
                List.of(EmulatorProcessMain.LOCAL_RUNTIME))) {
            try (LambdaClient lambda = EmulatorFixture.lambda(new EndpointOnly(child.endpoint()))) {
                lambda.createFunction(createRequest("runaway", zip("bootstrap", BOOTSTRAP))
                        .runtime("provided.al2023").handler("x").build());
                answer = Json.parse(lambda.invoke(b -> b.functionName("runaway")).payload().asByteArray());
            }
            environmentProcesses = child.process().toHandle().descendants().toList();
            assertThat(environmentProcesses).extracting(ProcessHandle::pid)
                    .contains(answer.get("pid").asLong(), answer.get("child").asLong());
            Path tmp = Path.of(answer.get("tmp").asText());
            assertThat(tmp).as("its own TMPDIR, inside the environment's directory").isDirectory()
                    .startsWith(dir.resolve("environments"));
        } // kill -9

        for (ProcessHandle process : environmentProcesses) {
            process.onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(environmentProcesses).noneMatch(ProcessHandle::isAlive);

        // the next emulator on the directory removes what the killed one left, its environments' TMPDIR included
        new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("environments"))).close();
        try (Stream<Path> left = Files.list(dir.resolve("environments/environments"))) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().startsWith("env-"));
        }
    }

    private record EndpointOnly(URI endpoint) implements EmulatorFixture.HasEndpoint {}
}
