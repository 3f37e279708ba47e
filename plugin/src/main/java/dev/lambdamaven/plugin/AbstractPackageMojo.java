package dev.lambdamaven.plugin;

import dev.lambdamaven.packaging.PackageOutcome;
import dev.lambdamaven.packaging.PackagingException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/** What both packaging goals share: where the zip goes, its timestamp, attaching it, and error mapping. */
abstract class AbstractPackageMojo extends AbstractLambdaMojo {

    @Component
    private MavenProjectHelper projectHelper;

    /**
     * The time every zip entry carries, ISO-8601 or seconds since the epoch, for byte-identical zips; default
     * {@code project.build.outputTimestamp}, else 1980-01-01T00:00:00Z.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.build.finalName}", readonly = true)
    private String finalName;

    /** Whether to attach the zip, so that install and deploy publish it to Maven repositories. */
    @Parameter(defaultValue = "true")
    private boolean attach;

    /** The classifier of the zip, which also ends its file name. */
    protected abstract String classifier();

    /** Builds the zip; {@link PackagingException} is a configuration mistake, {@link IOException} a failure. */
    protected abstract PackageOutcome build(Path zip, Instant timestamp) throws PackagingException, IOException,
            MojoFailureException, MojoExecutionException;

    /** Names the package in the log line: {@code Function zip}, {@code Layer zip}. */
    protected abstract String what();

    @Override
    protected final void run() throws MojoExecutionException, MojoFailureException {
        Path zip = outputDirectory.toPath().resolve(finalName + "-" + classifier() + ".zip");
        PackageOutcome outcome;
        try {
            outcome = build(zip, OutputTimestamp.parse(outputTimestamp));
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + zip + ": " + e.getMessage(), e);
        }
        PackageLog.report(getLog(), what(), outcome, project.getBasedir().toPath());
        if (attach) {
            projectHelper.attachArtifact(project, "zip", classifier(), zip.toFile());
        }
    }

    /** The {@code target/lambda} directory, where the plugin keeps its records. */
    protected Path workDirectory() {
        return LayerModules.workDirectory(project);
    }
}
