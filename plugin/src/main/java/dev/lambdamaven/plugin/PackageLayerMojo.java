package dev.lambdamaven.plugin;

import dev.lambdamaven.config.LayerSpec;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds a layer zip, {@code target/<finalName>-layer.zip} (classifier {@code layer}): the module's runtime
 * jars, and its own jar, under {@code java/lib/}; the files of {@code sourceDirectory} at the root for other
 * runtimes ({@code python/}, {@code nodejs/node_modules/}, {@code bin/}, {@code lib/}). Records what the layer
 * holds, where it runs and how it is published in {@code target/lambda/layer.properties}, for publish-layer and
 * for the function modules that use it. Skip it with {@code -Dlambda.package-layer.skip}.
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

    /** The name the layer is published under (publish-layer takes it from the package record). */
    @Parameter(property = PropertyNames.LAYER_NAME, defaultValue = "${project.artifactId}")
    private String layerName;

    /** The layer versions' description (at most 256 characters). */
    @Parameter(property = PropertyNames.DESCRIPTION)
    private String description;

    /** The layer's license: an SPDX identifier such as {@code Apache-2.0}, a URL or its text (at most 512 characters). */
    @Parameter
    private String licenseInfo;

    /** Runtimes the layer declares, e.g. {@code java17}, {@code java21} (at most 15). */
    @Parameter
    private List<String> compatibleRuntimes = new ArrayList<>();

    /** Architectures the layer declares: {@code x86_64}, {@code arm64}. */
    @Parameter
    private List<String> compatibleArchitectures = new ArrayList<>();

    /** Classifier of the attached zip. */
    @Parameter(defaultValue = "layer")
    private String classifier;

    @Override
    protected Set<ModuleKind> modules() {
        return EnumSet.of(ModuleKind.LAYER);
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
        // what publish-layer will send is checked now, before the build goes on
        new LayerSpec(layerName, zip, null, description, licenseInfo, compatibleRuntimes, compatibleArchitectures, null);
        List<Library> jars = new ArrayList<>(ProjectLibraries.runtimeJars(project));
        Artifact own = project.getArtifact();
        if (includeProjectArtifact && own.getFile() != null && own.getFile().isFile()
                && own.getFile().getName().endsWith(".jar")) {
            jars.add(ProjectLibraries.library(own));
        }
        PackageOutcome outcome = new LayerPackager().packageLayer(new LayerPackageRequest(jars,
                sourceDirectory == null ? null : sourceDirectory.toPath(), timestamp, zip, workDirectory()));
        new LayerDescriptor(layerName, zip, outcome.result().codeSha256(), jars.stream().map(Library::key).toList(),
                description, licenseInfo, compatibleRuntimes, compatibleArchitectures).write(workDirectory());
        return outcome;
    }
}
