package it.secret;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Proves the function received the secret without ever returning it. */
public class UsesSecret implements RequestHandler<Map<String, String>, String> {
    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        String password = System.getenv("DB_PASSWORD");
        return password.endsWith("-7f3a") ? "secret of " + password.length() + " characters received" : "wrong secret";
    }
}
