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
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds a layer zip, {@code target/<finalName>-layer.zip} (classifier {@code layer}): the module's runtime
 * jars, and its own jar, under {@code java/lib/}; the files of {@code sourceDirectory} at the root for other
 * runtimes ({@code python/}, {@code nodejs/node_modules/}, {@code bin/}, {@code lib/}). Records what the layer
 * holds and where it runs in {@code target/lambda/layer.properties}.
 */
@Mojo(name = "package-layer", defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class PackageLayerMojo extends AbstractLambdaMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private MavenProjectHelper projectHelper;

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

    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.build.finalName}", readonly = true)
    private String finalName;

    /** Classifier of the attached zip. */
    @Parameter(defaultValue = "layer")
    private String classifier;

    /** Whether to attach the zip, so that install and deploy publish it to Maven repositories. */
    @Parameter(defaultValue = "true")
    private boolean attach;

    @Parameter(property = PropertyNames.PACKAGE_LAYER_SKIP, defaultValue = "false")
    private boolean skipPackageLayer;

    @Override
    protected String goalName() {
        return "package-layer";
    }

    @Override
    protected boolean goalSkipped() {
        return skipPackageLayer;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path zip = outputDirectory.toPath().resolve(finalName + "-" + classifier + ".zip");
        List<Library> jars = new ArrayList<>(ProjectLibraries.runtimeJars(project));
        Artifact own = project.getArtifact();
        if (includeProjectArtifact && own.getFile() != null && own.getFile().isFile()
                && own.getFile().getName().endsWith(".jar")) {
            jars.add(ProjectLibraries.library(own));
        }
        Path work = LayerModules.workDirectory(project);
        LayerPackageRequest request = new LayerPackageRequest(jars,
                sourceDirectory == null ? null : sourceDirectory.toPath(), OutputTimestamp.parse(outputTimestamp),
                zip, work);
        try {
            PackageOutcome outcome = new LayerPackager().packageLayer(request);
            new LayerDescriptor(zip, outcome.result().codeSha256(), jars.stream().map(Library::key).toList(),
                    compatibleRuntimes, compatibleArchitectures).write(work);
            PackageLog.report(getLog(), "Layer zip", outcome, project.getBasedir().toPath());
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + zip + ": " + e.getMessage(), e);
        }
        if (attach) {
            projectHelper.attachArtifact(project, "zip", classifier, zip.toFile());
        }
    }
}
