package dev.lambdamaven.plugin;

import dev.lambdamaven.packaging.Library;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** A project's runtime jars (compile and runtime scope; never test, provided or system), as {@link Library}s. */
final class ProjectLibraries {

    private static final Set<String> RUNTIME_SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

    private ProjectLibraries() {}

    static List<Library> runtimeJars(MavenProject project) {
        List<Library> libraries = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (RUNTIME_SCOPES.contains(artifact.getScope()) && artifact.getFile() != null
                    && artifact.getArtifactHandler().isAddedToClasspath() && artifact.getFile().isFile()) {
                libraries.add(library(artifact));
            }
        }
        return libraries;
    }

    static Library library(Artifact artifact) {
        return new Library(artifact.getGroupId(), artifact.getArtifactId(), artifact.getFile().toPath());
    }
}
