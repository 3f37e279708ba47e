package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.deploy.AliasResult;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.Parameter;

/** The alias goals: the alias parameter, one change to it, the report and the summary. */
public abstract class AbstractAliasMojo extends AbstractDeployMojo {

    /** The alias to move. */
    @Parameter(property = PropertyNames.ALIAS, defaultValue = AliasSpec.DEFAULT_NAME)
    protected String alias;

    /** Runs {@link #move} on a deployer for the target and records the result. */
    @Override
    protected void deploy() {
        try (Deployer deployer = openDeployer(resolveTarget())) {
            record(move(deployer));
        }
    }

    /** The goal's change to the alias. */
    protected abstract AliasResult move(Deployer deployer);

    protected void record(AliasResult result) {
        getLog().info((dryRun ? "Dry run: alias would be " : result.changed() ? "Alias " : "Alias unchanged: ")
                + result.describe() + (result.previousVersion() == null ? "" : " (previous: " + result.previousVersion() + ")"));
        summaryRow().alias = result.describe();
        if (!dryRun) {
            report().recordAlias(result);
        }
    }
}
