package dev.lambdamaven.plugin;

import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.LayerSpec;
import dev.lambdamaven.deploy.LayerResult;
import dev.lambdamaven.packaging.LayerDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Layer modules of the reactor: the {@code <layers>} entries that name one (by artifactId or
 * groupId:artifactId) rather than a layer version ARN, and the spec a layer module publishes, read from what its
 * package-layer recorded.
 */
final class LayerModules {

    private LayerModules() {}

    /** The layer a layer module publishes, as package-layer recorded it, shared with {@code permissions}. */
    static LayerSpec spec(MavenProject layerModule, List<String> permissions, String goal) {
        Path work = workDirectory(layerModule);
        if (!LayerDescriptor.exists(work)) {
            throw new InvalidSpecException("layerName", layerModule.getArtifactId(), "no layer zip recorded in " + work
                    + ": run the package phase first (mvn package lambda:" + goal + "), with lambda:package-layer"
                    + " bound in the pom");
        }
        LayerDescriptor d;
        try {
            d = LayerDescriptor.read(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + work.resolve(LayerDescriptor.FILE_NAME) + ": " + e.getMessage(), e);
        }
        return new LayerSpec(d.layerName(), d.zip(), d.codeSha256(), d.description(), d.licenseInfo(),
                d.compatibleRuntimes(), d.compatibleArchitectures(), permissions);
    }

    /** Tells the function modules after this layer module which version it has in this build. */
    static void record(MavenSession session, MavenProject layerModule, LayerResult result) {
        Reactor.of(session).layerVersion(layerModule, result.layerVersionArn() == null
                ? FunctionSpec.PENDING_LAYER_VERSION : result.layerVersionArn());
        Reactor.Row row = Reactor.of(session).row(layerModule);
        row.name = "layer " + result.layerName();
        row.version = result.version() == null ? null : String.valueOf(result.version());
        row.changed = result.changed();
    }

    static boolean isArn(String layer) {
        return layer.startsWith("arn:");
    }

    /** The reactor project a {@code <layers>} entry names. */
    static MavenProject find(String layer, MavenSession session) throws MojoFailureException {
        for (MavenProject candidate : reactor(session)) {
            if (layer.equals(candidate.getArtifactId())
                    || layer.equals(candidate.getGroupId() + ":" + candidate.getArtifactId())) {
                return candidate;
            }
        }
        String modules = reactor(session).stream().map(MavenProject::getArtifactId)
                .collect(Collectors.joining(", "));
        throw new MojoFailureException("<layers> entry '" + layer + "' is neither a layer version ARN "
                + "(arn:aws:lambda:<region>:<account>:layer:<name>:<version>) nor a module of this build ("
                + modules + "). Use the ARN of a published layer version, or the artifactId of a module that "
                + "runs lambda:package-layer.");
    }

    /** Every module of the build, also those that {@code -pl} leaves out. */
    private static List<MavenProject> reactor(MavenSession session) {
        List<MavenProject> all = session.getAllProjects();
        return all != null && !all.isEmpty() ? all : session.getProjects();
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
