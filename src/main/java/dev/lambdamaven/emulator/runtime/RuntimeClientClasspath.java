package dev.lambdamaven.emulator.runtime;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the jars of the official Java runtime interface client (and the libraries it loads) on the class
 * path this code runs from, so that a child JVM can start {@code AWSLambda} with exactly the client the
 * plugin was built with.
 */
public final class RuntimeClientClasspath {

    /** The runtime client's main class. */
    public static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** One class of each jar the client needs at run time. */
    private static final List<String> MARKER_CLASSES = List.of(
            MAIN_CLASS,
            "com.amazonaws.services.lambda.runtime.RequestHandler", // aws-lambda-java-core
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", // aws-lambda-java-serialization
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal"); // utils-lite

    private RuntimeClientClasspath() {}

    /** The class path entries (jars or class directories) holding the runtime client, in a stable order. */
    public static List<Path> find(ClassLoader loader) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String className : MARKER_CLASSES) {
            entries.add(entryOf(loader, className));
        }
        return new ArrayList<>(entries);
    }

    public static List<Path> find() {
        return find(RuntimeClientClasspath.class.getClassLoader());
    }

    /** The jar file or class directory that {@code className} is loaded from. */
    static Path entryOf(ClassLoader loader, String className) {
        String resource = className.replace('.', '/') + ".class";
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new LocalRuntimeException("The Lambda runtime interface client is not on the plugin's class path: "
                    + className + " is missing. Add com.amazonaws:aws-lambda-java-runtime-interface-client to the"
                    + " plugin's dependencies.");
        }
        try {
            String text = url.toString();
            if (text.startsWith("jar:")) {
                // jar:file:/path/to/x.jar!/com/...
                return Path.of(new URL(text.substring(4, text.indexOf("!/"))).toURI());
            }
            Path file = Path.of(url.toURI());
            Path root = file;
            for (int i = 0; i < resource.split("/").length; i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new LocalRuntimeException("Cannot locate the class path entry of " + className + ": " + url, e);
        }
    }
}
