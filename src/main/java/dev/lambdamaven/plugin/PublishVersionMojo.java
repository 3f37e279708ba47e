package dev.lambdamaven.plugin;

import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.DeploymentReport;
import dev.lambdamaven.deploy.FunctionResult;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Creates or updates the function where it differs from the pom (code only when its CodeSha256 differs,
 * configuration only when a field differs), waits for each update, then publishes a version; publishes nothing
 * when nothing changed. Records the result in {@code target/lambda/deployment.json}.
 */
@Mojo(name = "publish-version", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishVersionMojo extends AbstractFunctionMojo {

    @Override
    protected String goalName() {
        return "publish-version";
    }

    @Override
    protected void deploy() throws MojoFailureException {
        Target resolved = resolveTarget();
        FunctionSpec spec = functionSpec(resolved);
        requireZip(spec);
        DeploymentReport report = report();
        try (Deployer deployer = openDeployer(resolved)) {
            FunctionResult result = deployer.deployFunction(spec, options(versionDescription()));
            boolean changed = result.changed() || report.hasPendingVersionChanges();
            ReactorSummary.Row row = summaryRow();
            row.name = spec.functionName();
            row.changed = changed;
            if (dryRun) {
                getLog().info("Dry run: " + spec.functionName() + (result.plan().isEmpty() ? " is up to date"
                        : " would change as listed above") + "; nothing was changed");
                return;
            }
            row.version = result.version();
            report.recordFunction(result, spec.layers());
            getLog().info(changed ? "Published " + spec.functionName() + " version " + result.version()
                    : "No change: " + spec.functionName() + " stays at version " + result.version()
                            + ", nothing published");
            getLog().debug(deployer.apiCalls() + " API calls");
        }
    }
}
