package com.example.greeter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Answers {"message": "<GREETING>, <name>!"}; refuses an event without a name. */
public class GreeterHandler implements RequestHandler<Map<String, String>, Map<String, String>> {

    private static final String GREETING = System.getenv().getOrDefault("GREETING", "Hello");

    @Override
    public Map<String, String> handleRequest(Map<String, String> event, Context context) {
        String name = event == null ? null : event.get("name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the event has no name");
        }
        return Map.of("message", GREETING + ", " + name + "!");
    }
}
