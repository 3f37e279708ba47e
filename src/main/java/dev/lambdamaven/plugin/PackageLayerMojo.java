package dev.lambdamaven.plugin;

import dev.lambdamaven.packaging.LayerDescriptor;
import dev.lambdamaven.packaging.LayerPackageRequest;
import dev.lambdamaven.packaging.LayerPackager;
import dev.lambdamaven.packaging.Library;
import dev.lambdamaven.packaging.PackageOutcome;
import dev.lambdamaven.packaging.PackagingException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds a layer zip, {@code target/<finalName>-layer.zip} (classifier {@code layer}): the module's runtime
 * jars, and its own jar, under {@code java/lib/}; the files of {@code sourceDirectory} at the root for other
 * runtimes ({@code python/}, {@code nodejs/node_modules/}, {@code bin/}, {@code lib/}). Records what the layer
 * holds and where it runs in {@code target/lambda/layer.properties}.
 */
@Mojo(name = "package-layer", defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class PackageLayerMojo extends AbstractPackageMojo {

    /** Whether the module's own jar goes into {@code java/lib/} beside its dependencies. */
    @Parameter(defaultValue = "true")
    private boolean includeProjectArtifact;

    /** Files copied to the layer root as they are. */
    @Parameter(defaultValue = "${project.basedir}/src/main/layer")
    private File sourceDirectory;

    /** Runtimes the layer declares, e.g. {@code java17}, {@code java21}. */
    @Parameter
    private List<String> compatibleRuntimes = new ArrayList<>();

    /** Architectures the layer declares: {@code x86_64}, {@code arm64}. */
    @Parameter
    private List<String> compatibleArchitectures = new ArrayList<>();

    /** Classifier of the attached zip. */
    @Parameter(defaultValue = "layer")
    private String classifier;

    @Override
    protected String goalName() {
        return "package-layer";
    }

    @Override
    protected String classifier() {
        return classifier;
    }

    @Override
    protected String what() {
        return "Layer zip";
    }

    @Override
    protected PackageOutcome build(Path zip, Instant timestamp) throws PackagingException, IOException {
        List<Library> jars = new ArrayList<>(ProjectLibraries.runtimeJars(project));
        Artifact own = project.getArtifact();
        if (includeProjectArtifact && own.getFile() != null && own.getFile().isFile()
                && own.getFile().getName().endsWith(".jar")) {
            jars.add(ProjectLibraries.library(own));
        }
        PackageOutcome outcome = new LayerPackager().packageLayer(new LayerPackageRequest(jars,
                sourceDirectory == null ? null : sourceDirectory.toPath(), timestamp, zip, workDirectory()));
        new LayerDescriptor(zip, outcome.result().codeSha256(), jars.stream().map(Library::key).toList(),
                compatibleRuntimes, compatibleArchitectures).write(workDirectory());
        return outcome;
    }
}
