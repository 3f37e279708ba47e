package dev.lambdamaven.plugin;

import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.deploy.DeploymentReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Resolves {@code <layers>} entries for deployment: ARNs stay as they are; a layer module of the same reactor
 * becomes the layer version its publish-layer (or plan) found in this build, else the one it recorded in its
 * {@code target/lambda/deployment.json} in an earlier build (a module left out with {@code -pl}). The function
 * module depends on the layer module, so the reactor (also with {@code -T}) finishes it first.
 */
final class ReactorLayers {

    private ReactorLayers() {}

    static List<String> resolve(List<String> layers, MavenSession session, boolean dryRun) throws MojoFailureException {
        List<String> arns = new ArrayList<>();
        if (layers == null) {
            return arns;
        }
        for (String layer : layers) {
            String entry = layer.trim();
            arns.add(LayerModules.isArn(entry) ? entry : published(entry, LayerModules.find(entry, session), session, dryRun));
        }
        return arns;
    }

    private static String published(String entry, MavenProject module, MavenSession session, boolean dryRun) {
        Optional<String> version = Reactor.of(session).layerVersion(module)
                .or(() -> new DeploymentReport(Path.of(module.getBuild().getDirectory())).layerVersionArn());
        if (version.isEmpty() && dryRun) {
            return entry + FunctionSpec.PENDING_LAYER_VERSION; // the layer is not published yet: shown as such
        }
        String arn = version.orElseThrow(() -> new InvalidSpecException("layers", entry, "the layer module has not"
                + " published a version in this build: bind lambda:publish-layer in " + module.getArtifactId()
                + ", and depend on it from this module so that Maven builds it first"));
        return arn.equals(FunctionSpec.PENDING_LAYER_VERSION) ? entry + arn : arn;
    }
}
