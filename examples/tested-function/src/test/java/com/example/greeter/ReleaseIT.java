package com.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdamaven.junit.LambdaEmulator;
import dev.lambdamaven.junit.LocalLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The release as a script (or a pipeline) would make it, against the local emulator: the zip package-function
 * built, a published version, an alias, then a second release while the first version keeps its code and
 * configuration. Runs after package (maven-failsafe-plugin), on an emulator of its own for each test.
 */
@LambdaEmulator(lifecycle = LambdaEmulator.Lifecycle.PER_TEST)
class ReleaseIT {

    /** The zip package-function wrote (set in the pom's failsafe configuration). */
    private static final Path ZIP = Path.of(System.getProperty("function.zip"));

    @Test
    void releasesThroughAnAliasAndKeepsTheOldVersion(LocalLambda local, LambdaClient lambda) throws Exception {
        SdkBytes zip = SdkBytes.fromByteArray(Files.readAllBytes(ZIP));
        lambda.createFunction(b -> b.functionName("greeter").runtime("java17")
                .handler("com.example.greeter.GreeterHandler::handleRequest")
                .role("arn:aws:iam::123456789012:role/greeter")
                .environment(e -> e.variables(Map.of("GREETING", "Hello")))
                .code(c -> c.zipFile(zip)));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("greeter"));
        String v1 = lambda.publishVersion(b -> b.functionName("greeter")).version();
        local.awaitReady("greeter:" + v1); // a new version may answer Pending first, as on AWS
        lambda.createAlias(b -> b.functionName("greeter").name("live").functionVersion(v1));

        lambda.updateFunctionConfiguration(b -> b.functionName("greeter")
                .environment(e -> e.variables(Map.of("GREETING", "Hi"))));
        local.awaitReady("greeter");
        String v2 = lambda.publishVersion(b -> b.functionName("greeter")).version();
        local.awaitReady("greeter:" + v2);
        lambda.updateAlias(b -> b.functionName("greeter").name("live").functionVersion(v2));

        assertEquals("2", v2);
        assertEquals("{\"message\":\"Hi, Ada!\"}", invoke(lambda, "greeter:live"));
        assertEquals("{\"message\":\"Hello, Ada!\"}", invoke(lambda, "greeter:" + v1));
    }

    private static String invoke(LambdaClient lambda, String qualified) {
        return lambda.invoke(b -> b.functionName(qualified).payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\"}")))
                .payload().asUtf8String();
    }
}
