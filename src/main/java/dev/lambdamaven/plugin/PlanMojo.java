package dev.lambdamaven.plugin;

import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.FunctionResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints what publish-version would change (field: old -> new, code hash old -> new, secrets as ****) and
 * changes nothing. With {@code -Dlambda.failOnChange} it fails when anything would change.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractFunctionMojo {

    @Override
    protected String goalName() {
        return "plan";
    }

    @Override
    protected void deploy() throws MojoFailureException {
        dryRun = true;
        Target resolved = resolveTarget();
        FunctionSpec spec = functionSpec(resolved);
        requireZip(spec);
        try (Deployer deployer = openDeployer(resolved)) {
            FunctionResult result = deployer.deployFunction(spec,
                    new DeployOptions(true, failOnChange, s3Bucket, null));
            ReactorSummary.Row row = summaryRow();
            row.name = result.functionName();
            row.changed = !result.plan().isEmpty();
        }
    }
}
