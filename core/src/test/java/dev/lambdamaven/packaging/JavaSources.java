package dev.lambdamaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small Java sources at test time, against aws-lambda-java-core, into a classes directory. */
final class JavaSources {

    private JavaSources() {}

    /** The aws-lambda-java-core jar, as found on the test class path. */
    static Path lambdaCoreJar() {
        try {
            return Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param sources binary class name to source text */
    static Path compile(Path classes, Map<String, String> sources) throws IOException {
        Path src = Files.createTempDirectory("sources");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", lambdaCoreJar().toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = compiler.run(null, null, new java.io.PrintStream(new java.io.ByteArrayOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) {
                errors.write(new String(b, off, len));
            }
        }, arguments.toArray(String[]::new));
        assertThat(status).as("javac: %s", errors).isZero();
        return classes;
    }

    static final String GREETER = """
            package com.acme;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            public class Greeter implements RequestHandler<String, String> {
                public String handleRequest(String input, Context context) { return "hi " + input; }
            }
            """;
}
