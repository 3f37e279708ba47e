package it.fn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import it.layer.Greetings;
import java.io.IOException;
import java.util.Map;

public class UsesLayer implements RequestHandler<Map<String, String>, String> {
    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        try {
            return Greetings.text() + " for " + event.get("name");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
