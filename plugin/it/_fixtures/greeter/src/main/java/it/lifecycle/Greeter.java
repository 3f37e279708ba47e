package it.lifecycle;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

public class Greeter implements RequestHandler<Map<String, String>, String> {

    private static final String GREETING = load();

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        if (GREETING.equals("FAIL")) { // a broken release, for the smoke invocation of a traffic shift
            throw new IllegalStateException("this version is broken");
        }
        return GREETING + ", " + event.get("name") + System.getenv("PUNCTUATION");
    }

    private static String load() {
        try (InputStream in = Greeter.class.getResourceAsStream("/greeting.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("greeting");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
