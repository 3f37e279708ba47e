package it.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An onFailure destination: writes the invocation record it gets to $SINK_FILE. */
public class Sink implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Path file = Path.of(System.getenv("SINK_FILE"));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, input.readAllBytes());
        Files.move(temp, file);
        output.write("\"recorded\"".getBytes());
    }
}
