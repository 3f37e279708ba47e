package dev.lambdamaven.plugin;

import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.deploy.DeploymentReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.project.MavenProject;

/**
 * Resolves {@code <layers>} entries: ARNs stay as they are; an artifactId of a layer module of the same reactor
 * becomes the layer version ARN its publish-layer recorded in its {@code target/lambda/deployment.json}. The
 * function module must depend on the layer module so that the reactor (also with {@code -T}) builds it first.
 */
final class ReactorLayers {

    private ReactorLayers() {}

    static List<String> resolve(List<String> layers, List<MavenProject> reactor, boolean dryRun) {
        List<String> arns = new ArrayList<>();
        if (layers == null) {
            return arns;
        }
        for (String layer : layers) {
            String entry = layer.trim();
            arns.add(entry.startsWith("arn:") ? entry : fromReactor(entry, reactor, dryRun));
        }
        return arns;
    }

    private static String fromReactor(String artifactId, List<MavenProject> reactor, boolean dryRun) {
        MavenProject module = reactor.stream().filter(p -> p.getArtifactId().equals(artifactId)).findFirst()
                .orElseThrow(() -> new InvalidSpecException("layers", artifactId, "neither a layer version ARN"
                        + " (arn:aws:lambda:...:layer:name:N) nor the artifactId of a module of this build"));
        var recorded = new DeploymentReport(Path.of(module.getBuild().getDirectory())).layerVersionArn();
        if (recorded.isEmpty() && dryRun) {
            return artifactId + ":(new version)"; // the layer's dry run found a change: shown as such in the plan
        }
        return recorded.orElseThrow(() -> new InvalidSpecException("layers", artifactId, "the layer module has not published"
                        + " a version in this build: bind lambda:publish-layer in " + artifactId
                        + " and declare it as a dependency (<type>zip</type>, <classifier>layer</classifier>,"
                        + " <scope>provided</scope>) so it is built first"));
    }
}
