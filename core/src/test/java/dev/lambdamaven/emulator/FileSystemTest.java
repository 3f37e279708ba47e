package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A function's EFS access point is a directory under the state directory, shared by the functions that mount it and
 * kept across environments; where this machine lets an unprivileged process have a mount namespace, the function
 * sees it at its mount path under a /mnt of its own, as its own user.
 */
class FileSystemTest {

    private static final String ACCESS_POINT =
            "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";

    @TempDir
    Path dir;

    @Test
    void anAccessPointIsADirectoryOfTheStateDirectoryAtTheMountPath() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).functionRuntime(
                        new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work")))).build());
                LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            byte[] zip = EmulatorFixture.zip("bootstrap", Files.readString(resource("runtime/fs-bootstrap")));
            for (String name : new String[] {"writer", "reader"}) {
                lambda.createFunction(EmulatorFixture.createRequest(name, zip).runtime("provided.al2023").handler(name)
                        .vpcConfig(v -> v.subnetIds(EmulatorFixture.ec2(emulator).describeSubnets().subnets().get(0)
                                .subnetId()))
                        .fileSystemConfigs(f -> f.arn(ACCESS_POINT).localMountPath("/mnt/data")).build());
                lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
            }

            JsonNode first = Json.parse(lambda.invoke(b -> b.functionName("writer")).payload().asByteArray());
            JsonNode second = Json.parse(lambda.invoke(b -> b.functionName("reader")).payload().asByteArray());

            Path accessPoint = dir.resolve("state/file-systems/us-east-1/123456789012/fsap-0123456789abcdef0");
            assertThat(Files.readAllLines(accessPoint.resolve("log.txt"))).hasSize(2)
                    .satisfies(lines -> assertThat(lines.get(0)).startsWith("writer "))
                    .satisfies(lines -> assertThat(lines.get(1)).startsWith("reader "));
            assertThat(second.get("lines").asInt()).as("one file system, shared").isEqualTo(2);
            if (first.get("fileSystem").asText().equals("/mnt/data")) { // mounted: Linux with user namespaces
                assertThat(first.get("mnt").asText().trim()).as("a /mnt of its own").isEqualTo("data");
                assertThat(first.get("uid").asLong()).as("as its own user").isEqualTo(
                        ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue());
            } else {
                assertThat(first.get("fileSystem").asText()).isEqualTo(accessPoint.toString());
            }

            lambda.updateFunctionConfiguration(b -> b.functionName("writer").memorySize(256));
            lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("writer"));
            JsonNode later = Json.parse(lambda.invoke(b -> b.functionName("writer")).payload().asByteArray());
            assertThat(later.get("lines").asInt()).as("kept across environments").isEqualTo(3);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FileSystemTest.class.getClassLoader().getResource(name).toURI());
    }
}
