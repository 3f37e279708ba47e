package dev.lambdamaven.plugin;

import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The one execution path shared by every goal: skip checks, then the goal's own work. Subclasses read their
 * parameters, build a spec, call one core entry point and let {@link #run()} throw typed exceptions, which
 * they map: configuration mistakes fail the build ({@link MojoFailureException}), I/O and service failures
 * are execution errors ({@link MojoExecutionException}).
 */
public abstract class AbstractLambdaMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Skips every goal of this plugin; {@code lambda.<goal>.skip} skips one goal. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        String goalSkip = PropertyNames.goalSkip(goalName());
        if (skip || isSet(goalSkip)) {
            getLog().info("lambda:" + goalName() + " skipped (" + (skip ? PropertyNames.SKIP : goalSkip) + "=true)");
            return;
        }
        run();
    }

    /** The goal's name, as in {@code lambda:<name>}. */
    protected abstract String goalName();

    /** The goal's work, once the skip checks passed. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Whether a boolean property is true on the command line, in the system or in the pom's properties. */
    private boolean isSet(String property) {
        String value = null;
        if (session != null) {
            value = lookup(session.getUserProperties(), property);
            value = value != null ? value : lookup(session.getSystemProperties(), property);
        }
        if (value == null && project != null) {
            value = lookup(project.getProperties(), property);
        }
        return value != null && (value.isEmpty() || Boolean.parseBoolean(value.trim()));
    }

    private static String lookup(Properties properties, String key) {
        return properties == null ? null : properties.getProperty(key);
    }
}
