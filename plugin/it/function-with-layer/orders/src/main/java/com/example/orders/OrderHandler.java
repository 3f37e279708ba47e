package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.shared.Names;

public class OrderHandler implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String customer, Context context) {
        return "Order for " + Names.capitalize(customer);
    }
}
