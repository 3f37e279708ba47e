package com.acme.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Echoes the event as JSON, with Jackson from the shared-libs layer. */
public class OrdersHandler implements RequestHandler<Map<String, Object>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        try {
            return JSON.writeValueAsString(Map.of("service", "orders", "event", event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
