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
 * plugin was built with. The runnable emulator jar carries them as nested jars instead (flattened into it they
 * would put the emulator's own libraries on every function's class path): those are copied out once.
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

    /** Where the runnable emulator jar keeps the client's jars (see the shade execution in the pom). */
    static final String NESTED = "META-INF/lambda-runtime-client/";
    static final List<String> NESTED_JARS = List.of("aws-lambda-java-runtime-interface-client.jar",
            "aws-lambda-java-core.jar", "aws-lambda-java-serialization.jar", "utils-lite.jar");

    private RuntimeClientClasspath() {}

    /**
     * The client's class path entries: from this class path, or else the nested jars of the runnable emulator
     * jar, copied into {@code <workDirectory>/runtime-client} (once per content).
     */
    public static List<Path> find(Path workDirectory) {
        ClassLoader loader = RuntimeClientClasspath.class.getClassLoader();
        if (loader.getResource(MAIN_CLASS.replace('.', '/') + ".class") != null
                || loader.getResource(NESTED + NESTED_JARS.get(0)) == null) {
            return find(loader);
        }
        List<Path> jars = new ArrayList<>();
        for (String name : NESTED_JARS) {
            jars.add(NestedJars.copyOut(loader, NESTED + name, workDirectory.resolve("runtime-client")));
        }
        return jars;
    }

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
