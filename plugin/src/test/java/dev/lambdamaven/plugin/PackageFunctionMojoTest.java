package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.packaging.FunctionPackageRequest;
import dev.lambdamaven.packaging.Library;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** Parameter binding of package-function: the pom's configuration becomes the request the packager gets. */
@MojoTest
class PackageFunctionMojoTest {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @Provides
    MavenProject project() throws Exception {
        MavenProject project = new MavenProject();
        project.setArtifactId("orders");
        project.setFile(new File(MojoExtension.getBasedir(), "pom.xml"));
        Build build = new Build();
        build.setDirectory(new File(MojoExtension.getBasedir(), "target/harness-package").getPath());
        build.setOutputDirectory(new File(MojoExtension.getBasedir(), "target/harness-package/classes").getPath());
        project.setBuild(build);
        project.setArtifacts(Set.of(
                artifact("software.amazon.awssdk", "s3", "compile"),
                artifact("com.fasterxml.jackson.core", "jackson-core", "runtime"),
                artifact("org.junit.jupiter", "junit-jupiter-api", "test"),
                artifact("jakarta.servlet", "jakarta.servlet-api", "provided")));
        return project;
    }

    @Test
    @InjectMojo(goal = "package-function", pom = "classpath:/unit/package-function/pom.xml")
    void pomConfigurationBecomesThePackageRequest(PackageFunctionMojo mojo) throws Exception {
        FunctionPackageRequest request = mojo.request(Path.of("fn.zip"), TIME);

        assertThat(request.runtime()).isEqualTo("java21");
        assertThat(request.handler()).as("<checkHandler>false</checkHandler>").isNull();
        assertThat(request.libraries()).extracting(Library::key).containsExactly("com.fasterxml.jackson.core:jackson-core");
        assertThat(request.layerLibraries()).as("<excludes>software.amazon.awssdk:*</excludes>")
                .extracting(Library::key).containsExactly("software.amazon.awssdk:s3");
        assertThat(request.timestamp()).isEqualTo(TIME);
        assertThat(request.classesDirectory().toString()).endsWith("target/harness-package/classes");
        assertThat(request.workDirectory().toString()).endsWith("target/harness-package/lambda");
    }

    private static Artifact artifact(String groupId, String artifactId, String scope) throws Exception {
        DefaultArtifactHandler jar = new DefaultArtifactHandler("jar");
        jar.setAddedToClasspath(true);
        DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "1.0", scope, "jar", null, jar);
        File file = File.createTempFile("lib-" + artifactId, ".jar");
        file.deleteOnExit();
        artifact.setFile(file);
        return artifact;
    }
}
