package dev.lambdamaven.packaging;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a Java handler string against the code that will be deployed, the way Lambda's Java runtime
 * resolves it: {@code package.Class::method} needs a public method of that name on the class or a
 * superclass; {@code package.Class} needs the class to implement {@code RequestHandler} or
 * {@code RequestStreamHandler}. Also finds the handlers a module has, for messages and defaults.
 */
public final class JavaHandlerCheck {

    static final String REQUEST_HANDLER = "com/amazonaws/services/lambda/runtime/RequestHandler";
    static final String REQUEST_STREAM_HANDLER = "com/amazonaws/services/lambda/runtime/RequestStreamHandler";
    private static final String DEFAULT_METHOD = "handleRequest";

    private final ClassPathIndex index;

    /**
     * @param classesDirectory the module's compiled classes
     * @param jars             every jar on the function's runtime class path, layer-provided ones included
     */
    public JavaHandlerCheck(Path classesDirectory, List<Path> jars) {
        this.index = new ClassPathIndex(classesDirectory, jars);
    }

    /** Fails with a message naming the handler and the handlers that would fit. */
    public void check(String handler) throws PackagingException {
        String problem = problemWith(handler);
        if (problem != null) {
            List<String> candidates = candidates();
            throw new PackagingException("handler", "Handler '" + handler + "' " + problem + ". "
                    + (candidates.isEmpty()
                            ? "No class in this module implements RequestHandler or RequestStreamHandler."
                            : "Handlers found in this module: " + String.join(", ", candidates) + ".")
                    + " Set <handler> (or -Dlambda.handler) to package.Class::method.");
        }
    }

    /**
     * The handler to use: {@code configured} when set, else the module's only handler class; fails naming
     * the candidates when there is none or more than one.
     */
    public String resolve(String configured) throws PackagingException {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        List<String> found = candidates();
        if (found.size() == 1) {
            return found.get(0);
        }
        throw new PackagingException("handler", "No <handler> is set and this module has "
                + (found.isEmpty() ? "no class implementing RequestHandler or RequestStreamHandler"
                        : found.size() + " handler classes (" + String.join(", ", found) + ")")
                + ". Set <handler> (or -Dlambda.handler) to package.Class::method.");
    }

    /** Handler strings for every concrete class of the classes directory that implements a handler interface. */
    public List<String> candidates() {
        Set<String> found = new TreeSet<>();
        for (ClassInfo type : index.directoryClasses()) {
            if (type.concrete() && implementsHandlerInterface(type)) {
                found.add(type.binaryName() + "::" + DEFAULT_METHOD);
            }
        }
        return new ArrayList<>(found);
    }

    private String problemWith(String handler) {
        if (handler == null || handler.isBlank()) {
            return "is empty";
        }
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String method = separator < 0 ? null : handler.substring(separator + 2);
        if (className.isEmpty() || (method != null && method.isEmpty())) {
            return "is not of the form package.Class or package.Class::method";
        }
        Optional<ClassInfo> type = index.find(className.replace('.', '/'));
        if (type.isEmpty()) {
            return "names class " + className + ", which is neither in the compiled classes nor in a dependency jar";
        }
        if (!type.get().concrete()) {
            return "names " + className + ", which is abstract or an interface and cannot be instantiated";
        }
        if (method == null) {
            return implementsHandlerInterface(type.get()) ? null
                    : "names " + className + " without a method, so the class must implement RequestHandler or "
                            + "RequestStreamHandler, and it does not";
        }
        return hasPublicMethod(type.get(), method) ? null
                : "names method " + method + ", which " + className + " does not have as a public method";
    }

    private boolean hasPublicMethod(ClassInfo type, String method) {
        for (ClassInfo current = type; current != null; current = superclass(current)) {
            if (current.publicMethods().contains(method)) {
                return true;
            }
        }
        return false;
    }

    private boolean implementsHandlerInterface(ClassInfo type) {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (ClassInfo current = type; current != null; current = superclass(current)) {
            pending.addAll(current.interfaces());
        }
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (name.equals(REQUEST_HANDLER) || name.equals(REQUEST_STREAM_HANDLER)) {
                return true;
            }
            if (seen.add(name)) {
                index.find(name).ifPresent(i -> pending.addAll(i.interfaces()));
            }
        }
        return false;
    }

    private ClassInfo superclass(ClassInfo type) {
        return type.superName() == null ? null : index.find(type.superName()).orElse(null);
    }
}
