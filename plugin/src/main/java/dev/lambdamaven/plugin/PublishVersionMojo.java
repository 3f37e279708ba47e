package dev.lambdamaven.plugin;

import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.DeploymentReport;
import dev.lambdamaven.deploy.FunctionResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates or updates the function where it differs from the pom (code only when its CodeSha256 differs,
 * configuration only when a field differs), waits for each update, then publishes a version; publishes nothing
 * when nothing changed. Records the result in {@code target/lambda/deployment.json} (an earlier one is removed
 * when the deployment starts). Skip it with {@code -Dlambda.publish-version.skip}.
 */
@Mojo(name = "publish-version", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishVersionMojo extends AbstractFunctionMojo {

    /** Prints what would change and changes nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /**
     * The description of each published version: {@code {version}} (the project's), {@code {commit}} (the git
     * commit, with {@code +dirty} when tracked files have uncommitted changes) and {@code {time}} (the build's
     * start, UTC) are replaced; at most 256 characters.
     */
    @Parameter(property = PropertyNames.VERSION_DESCRIPTION, defaultValue = VersionDescription.DEFAULT)
    private String versionDescription;

    @Override
    protected boolean writesReport() {
        return true;
    }

    @Override
    protected boolean dryRun() {
        return dryRun;
    }

    @Override
    protected void deploy() throws MojoFailureException {
        Target resolved = resolveTarget();
        FunctionSpec spec = functionSpec(resolved);
        Reactor reactor = Reactor.of(session);
        String description = VersionDescription.render(versionDescription, project.getVersion(),
                reactor.commit(project.getBasedir().toPath()), buildStart());
        DeployOptions options = new DeployOptions(dryRun, failOnChange, s3Bucket, description,
                reactor.vpcChecked(project));
        try (Deployer deployer = openDeployer(resolved)) {
            FunctionResult result = deployer.deployFunction(spec, options);
            Reactor.Row row = summaryRow();
            row.name = spec.functionName();
            row.changed = result.changed();
            if (dryRun) {
                getLog().info("Dry run: " + spec.functionName() + (result.plan().isEmpty() ? " is up to date"
                        : " would change as listed above") + "; nothing was changed");
                return;
            }
            row.version = result.version();
            report().recordFunction(result, spec.layers(), DeploymentReport.settings(spec));
            getLog().info(result.changed() ? "Published " + spec.functionName() + " version " + result.version()
                    + " (" + description + ")"
                    : "No change: " + spec.functionName() + " stays at version " + result.version() + ", nothing published");
            getLog().debug(deployer.apiCalls() + " API calls");
        }
    }
}
