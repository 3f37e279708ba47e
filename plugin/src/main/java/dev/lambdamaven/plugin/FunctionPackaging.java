package dev.lambdamaven.plugin;

import dev.lambdamaven.packaging.FunctionPackageRequest;
import dev.lambdamaven.packaging.JarExclusions;
import dev.lambdamaven.packaging.JavaHandlerCheck;
import dev.lambdamaven.packaging.PackagingException;
import dev.lambdamaven.packaging.RuntimeFamily;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/** The package request of a function module, from its parameters: package-function's and lambda:dev's. */
record FunctionPackaging(MavenProject project, MavenSession session, Log log) {

    FunctionPackageRequest request(String runtime, String handler, boolean checkHandler, Path classesDirectory,
            List<String> excludes, List<String> layers, File bootstrap, File sourceDirectory, Path zip,
            Instant timestamp, Path workDirectory) throws MojoFailureException, MojoExecutionException {
        String effectiveRuntime = runtime != null ? runtime : RuntimeDefault.of(project);
        Set<String> layerContents = new HashSet<>();
        LayerModules.descriptors(layers == null ? List.of() : layers, session)
                .forEach(layer -> layerContents.addAll(layer.contents()));
        try {
            JarExclusions.Split jars = new JarExclusions(excludes == null ? List.of() : excludes)
                    .split(ProjectLibraries.runtimeJars(project), layerContents);
            boolean java = RuntimeFamily.of(effectiveRuntime) == RuntimeFamily.JAVA;
            String checkedHandler = java && checkHandler ? effectiveHandler(handler, classesDirectory, jars) : null;
            return new FunctionPackageRequest(effectiveRuntime, checkedHandler, classesDirectory,
                    jars.packaged(), jars.provided(), bootstrap == null ? null : bootstrap.toPath(),
                    sourceDirectory == null ? null : sourceDirectory.toPath(), timestamp, zip, workDirectory);
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private String effectiveHandler(String handler, Path classesDirectory, JarExclusions.Split jars)
            throws PackagingException {
        List<Path> classPath = new ArrayList<>();
        jars.packaged().forEach(l -> classPath.add(l.file()));
        jars.provided().forEach(l -> classPath.add(l.file()));
        String resolved = new JavaHandlerCheck(classesDirectory, classPath).resolve(handler);
        if (handler == null || handler.isBlank()) {
            log.info("Handler " + resolved + " (the module's only handler class)");
        }
        return resolved;
    }
}
