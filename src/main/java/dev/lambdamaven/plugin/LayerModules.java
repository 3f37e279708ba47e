package dev.lambdamaven.plugin;

import dev.lambdamaven.packaging.LayerDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Resolves the {@code <layers>} entries that name a layer module of the same reactor (by artifactId or
 * groupId:artifactId) rather than a layer version ARN.
 */
final class LayerModules {

    private LayerModules() {}

    static boolean isArn(String layer) {
        return layer.startsWith("arn:");
    }

    /** The reactor project a {@code <layers>} entry names. */
    static MavenProject find(String layer, MavenSession session) throws MojoFailureException {
        for (MavenProject candidate : session.getProjects()) {
            if (layer.equals(candidate.getArtifactId())
                    || layer.equals(candidate.getGroupId() + ":" + candidate.getArtifactId())) {
                return candidate;
            }
        }
        String modules = session.getProjects().stream().map(MavenProject::getArtifactId)
                .collect(Collectors.joining(", "));
        throw new MojoFailureException("<layers> entry '" + layer + "' is neither a layer version ARN "
                + "(arn:aws:lambda:<region>:<account>:layer:<name>:<version>) nor a module of this build ("
                + modules + "). Use the ARN of a published layer version, or the artifactId of a module that "
                + "runs lambda:package-layer.");
    }

    /** The {@code target/lambda} directory of a project, where the plugin keeps its files. */
    static Path workDirectory(MavenProject project) {
        return Path.of(project.getBuild().getDirectory(), "lambda");
    }

    /** The descriptors of the reactor layer modules named in {@code layers}. */
    static List<LayerDescriptor> descriptors(List<String> layers, MavenSession session)
            throws MojoFailureException, MojoExecutionException {
        List<LayerDescriptor> descriptors = new ArrayList<>();
        for (String layer : layers) {
            if (isArn(layer)) {
                continue;
            }
            MavenProject module = find(layer, session);
            Path work = workDirectory(module);
            if (!LayerDescriptor.exists(work)) {
                throw new MojoFailureException("Layer module '" + layer + "' (named in <layers>) has not been "
                        + "packaged by lambda:package-layer in this build, so its jars cannot be left out of the "
                        + "function zip. Add a dependency on it with <scope>provided</scope> so that Maven builds "
                        + "it first, and bind package-layer in it.");
            }
            try {
                descriptors.add(LayerDescriptor.read(work));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read " + work.resolve(LayerDescriptor.FILE_NAME), e);
            }
        }
        return descriptors;
    }
}
