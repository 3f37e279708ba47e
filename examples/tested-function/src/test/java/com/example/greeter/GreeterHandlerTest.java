package com.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdamaven.junit.LambdaEmulator;
import dev.lambdamaven.junit.LocalLambda;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The handler as Lambda runs it: in the Java runtime's own client (event and answer through its JSON
 * serializer, environment variables at start-up), on the local emulator. One emulator for the class.
 */
@LambdaEmulator
class GreeterHandlerTest {

    @BeforeAll
    static void deploy(LocalLambda lambda) {
        // the classes Maven just compiled, zipped the way package-function zips them
        lambda.deploy("greeter", "com.example.greeter.GreeterHandler::handleRequest", Path.of("target/classes"));
    }

    @Test
    void greetsByName(LocalLambda lambda) {
        assertEquals("{\"message\":\"Hello, Ada!\"}", lambda.invoke("greeter", "{\"name\":\"Ada\"}"));
    }

    @Test
    void anEventWithoutANameIsAFunctionError(LambdaClient lambda) {
        InvokeResponse response = lambda.invoke(b -> b.functionName("greeter").payload(SdkBytes.fromUtf8String("{}")));

        assertEquals("Unhandled", response.functionError());
        assertTrue(response.payload().asUtf8String().contains("the event has no name"));
    }

    @Test
    void readsTheGreetingFromItsEnvironment(LocalLambda lambda, LambdaClient client) {
        client.updateFunctionConfiguration(b -> b.functionName("greeter")
                .environment(e -> e.variables(java.util.Map.of("GREETING", "Bonjour"))));
        lambda.awaitReady("greeter");

        assertEquals("{\"message\":\"Bonjour, Ada!\"}", lambda.invoke("greeter", "{\"name\":\"Ada\"}"));
    }
}
