package dev.lambdamaven.dev;

import dev.lambdamaven.packaging.FunctionPackageRequest;
import dev.lambdamaven.packaging.FunctionPackager;
import dev.lambdamaven.packaging.PackagingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One rebuild of the function in {@code lambda:dev}: compile the sources (Java runtimes), copy the resources next
 * to the classes, and package the zip exactly as {@code package-function} does (same layout, handler check and
 * libraries), into a staging directory of its own so that {@code target/classes} and the build's zip are left
 * alone.
 *
 * @param compilation   compiles the Java sources, or {@code null} for custom runtimes (no classes)
 * @param resourceRoots copied as they are into the classes
 * @param request       what to package; its {@code classesDirectory} is where this build compiles to
 */
public record DevBuild(JavaCompilation compilation, List<Path> resourceRoots, FunctionPackageRequest request) {

    /** Thrown when the code does not compile or package; the message lists what to fix. */
    public static final class BuildFailure extends Exception {
        public BuildFailure(String message) {
            super(message);
        }
    }

    /** Rebuilds and returns the zip. */
    public Path build() throws BuildFailure, IOException {
        if (compilation != null) {
            JavaCompilation.Result compiled = compilation.compile(request.classesDirectory());
            if (!compiled.success()) {
                throw new BuildFailure("Compilation failed:\n  " + String.join("\n  ", compiled.errors()));
            }
            DevFiles.copyTrees(resourceRoots, request.classesDirectory());
        }
        try {
            new FunctionPackager().packageFunction(request);
        } catch (PackagingException e) {
            throw new BuildFailure(e.getMessage());
        }
        return request.zip();
    }
}
