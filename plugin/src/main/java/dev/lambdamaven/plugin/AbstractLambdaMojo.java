package dev.lambdamaven.plugin;

import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The one execution path shared by every goal: skip checks, then the goal's own work. A goal runs in the
 * modules it concerns ({@link #modules()}) and skips the others of a reactor with one line, so that
 * {@code mvn lambda:<goal>} works at the root of a monorepo. Subclasses read their parameters, build a spec,
 * call one core entry point and let {@link #run()} throw typed exceptions, which they map: configuration
 * mistakes fail the build ({@link MojoFailureException}), I/O and service failures are execution errors
 * ({@link MojoExecutionException}). The goal's name comes from its {@code @Mojo} annotation, through the
 * execution.
 */
public abstract class AbstractLambdaMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** Skips every goal of this plugin; {@code lambda.<goal>.skip} skips one goal. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (session != null) {
            Reactor.of(session).watch(session, mojoExecution.getMojoDescriptor().getPluginDescriptor(), getLog());
        }
        String goalSkip = PropertyNames.goalSkip(goal());
        if (skip || isSet(goalSkip)) {
            String property = skip ? PropertyNames.SKIP : goalSkip;
            getLog().info("lambda:" + goal() + " skipped (" + property + "=true)");
            skipped(property);
            return;
        }
        ModuleKind kind = moduleKind();
        if (!modules().contains(kind) && !(kind == ModuleKind.OTHER && explicitlyHere())) {
            getLog().info("lambda:" + goal() + " skipped: " + project.getArtifactId() + " is " + kind.description());
            return;
        }
        run();
    }

    /** The goal's name, as in {@code lambda:<name>}. */
    protected final String goal() {
        return mojoExecution.getMojoDescriptor().getGoal();
    }

    /** What this module is to the plugin, from the goals its pom binds. */
    protected ModuleKind moduleKind() {
        return ModuleKind.of(project, mojoExecution.getMojoDescriptor().getPluginDescriptor());
    }

    /** The kinds of module the goal works in; the others of a reactor skip it. */
    protected Set<ModuleKind> modules() {
        return EnumSet.allOf(ModuleKind.class);
    }

    /** Notes a skip by property (the summary table shows it). */
    protected void skipped(String property) {
    }

    /** The goal's work, once the skip checks passed. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /**
     * A build of this one project, not an aggregator: the goal runs on it whatever it binds (say
     * {@code mvn lambda:invoke -Dlambda.functionName=orders} in any project).
     */
    private boolean explicitlyHere() {
        return session == null || (session.getProjects().size() <= 1 && !"pom".equals(project.getPackaging()));
    }

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
