package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.deploy.DeploymentReport;
import dev.lambdamaven.deploy.LayerResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorLayersTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:layer:libs:4";

    @TempDir
    Path dir;

    private MavenProject module(String artifactId) {
        MavenProject project = new MavenProject();
        project.setArtifactId(artifactId);
        Build build = new Build();
        build.setDirectory(dir.resolve(artifactId).resolve("target").toString());
        project.setBuild(build);
        return project;
    }

    private static MavenSession session(MavenProject... projects) {
        return MavenSessions.of(List.of(projects));
    }

    @Test
    void arnsStayAndModuleIdsBecomeTheirPublishedVersion() throws Exception {
        MavenProject libs = module("libs");
        new DeploymentReport(Path.of(libs.getBuild().getDirectory()))
                .recordLayer(new LayerResult("libs", ARN, 4L, "hash", true));

        assertThat(ReactorLayers.resolve(List.of("libs", "arn:aws:lambda:us-east-1:1:layer:otel:2"),
                session(module("orders"), libs), false))
                .containsExactly(ARN, "arn:aws:lambda:us-east-1:1:layer:otel:2");
    }

    @Test
    void anUnknownModuleOrAnUnpublishedLayerNamesTheFix() throws Exception {
        assertThatThrownBy(() -> ReactorLayers.resolve(List.of("nope"), session(module("orders")), false))
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("<layers> entry 'nope'");
        assertThatThrownBy(() -> ReactorLayers.resolve(List.of("libs"), session(module("libs")), false))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("bind lambda:publish-layer in libs");
        assertThat(ReactorLayers.resolve(List.of("libs"), session(module("libs")), true))
                .containsExactly("libs:(new version)");
    }
}
