package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.CleanupPlan;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes the function from the target with everything that belongs to it: its function URLs, its aliases, its
 * published versions and {@code $LATEST}. Prints the plan first; {@code -Dlambda.dryRun} stops there. In a
 * reactor it deletes every function module's function. Skip it with {@code -Dlambda.delete-function.skip}.
 */
@Mojo(name = "delete-function", threadSafe = true)
public class DeleteFunctionMojo extends AbstractNamedFunctionMojo {

    /** Prints what would be deleted and deletes nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    @Override
    protected boolean dryRun() {
        return dryRun;
    }

    @Override
    protected boolean writesReport() {
        return true; // the report of a deleted function's deployment goes with it
    }

    @Override
    protected void deploy() {
        CleanupPlan plan;
        try (Deployer deployer = openDeployer(resolveTarget())) {
            plan = deployer.deleteFunction(functionName, options());
        }
        Cleanup.report(getLog(), summaryRow(), functionName, plan, dryRun);
    }
}
