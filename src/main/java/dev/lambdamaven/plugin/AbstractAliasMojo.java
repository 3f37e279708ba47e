package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.deploy.AliasResult;
import org.apache.maven.plugins.annotations.Parameter;

/** The alias goals' shared parameter and bookkeeping. */
public abstract class AbstractAliasMojo extends AbstractDeployMojo {

    /** The alias to move. */
    @Parameter(property = PropertyNames.ALIAS, defaultValue = AliasSpec.DEFAULT_NAME)
    protected String alias;

    protected void record(AliasResult result) {
        getLog().info((dryRun ? "Dry run: alias would be " : result.changed() ? "Alias " : "Alias unchanged: ")
                + result.describe() + (result.previousVersion() == null ? "" : " (previous: " + result.previousVersion() + ")"));
        summaryRow().alias = result.describe();
        if (!dryRun) {
            report().recordAlias(result);
        }
    }
}
