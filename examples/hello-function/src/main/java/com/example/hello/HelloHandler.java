package com.example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Answers {"message": "<GREETING>, <name>!"}, the greeting read from the environment at start-up. */
public class HelloHandler implements RequestHandler<Map<String, String>, Map<String, String>> {

    private static final String GREETING = System.getenv().getOrDefault("GREETING", "Hello");

    @Override
    public Map<String, String> handleRequest(Map<String, String> event, Context context) {
        String name = event == null ? null : event.get("name");
        return Map.of("message", GREETING + ", " + (name == null || name.isBlank() ? "world" : name) + "!");
    }
}
