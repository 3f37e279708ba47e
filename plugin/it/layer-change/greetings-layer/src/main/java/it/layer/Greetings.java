package it.layer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Lives in the layer: the function finds it on /opt/java/lib. */
public final class Greetings {
    private Greetings() {}

    public static String text() throws IOException {
        try (InputStream in = Greetings.class.getResourceAsStream("/layer-text.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return "from layer " + properties.getProperty("text");
        }
    }
}
