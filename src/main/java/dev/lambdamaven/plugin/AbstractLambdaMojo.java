package dev.lambdamaven.plugin;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The one execution path shared by every goal: skip check, then the goal's own work. Subclasses read their
 * parameters, build a spec, call one core entry point and let {@link #run()} throw typed exceptions, which
 * are mapped here: configuration mistakes fail the build ({@link MojoFailureException}), I/O and service
 * failures are execution errors ({@link MojoExecutionException}).
 */
public abstract class AbstractLambdaMojo extends AbstractMojo {

    /** Skips every goal of this plugin. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || goalSkipped()) {
            getLog().info("lambda:" + goalName() + " skipped (" + (skip ? PropertyNames.SKIP
                    : PropertyNames.goalSkip(goalName())) + "=true)");
            return;
        }
        run();
    }

    /** The goal's name, as in {@code lambda:<name>}. */
    protected abstract String goalName();

    /** Whether {@code lambda.<goal>.skip} is set for this goal. */
    protected abstract boolean goalSkipped();

    /** The goal's work, once the skip checks passed. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;
}
