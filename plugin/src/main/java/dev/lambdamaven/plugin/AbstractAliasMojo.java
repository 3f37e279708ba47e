package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSettings;
import dev.lambdamaven.deploy.AliasResult;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that move an alias: the alias parameter, one move of it, the report and the summary. */
public abstract class AbstractAliasMojo extends AbstractReleaseMojo {

    /** Prints where the alias would go and changes nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    @Override
    protected boolean writesReport() {
        return true;
    }

    @Override
    protected boolean dryRun() {
        return dryRun;
    }

    /**
     * Runs {@link #move} on a deployer for the target, then brings the alias's own settings to the pom's (when the
     * goal manages them, {@link #settings()}, checked before any call), and records the result.
     */
    @Override
    protected void deploy() {
        AliasSettings settings = settings();
        try (Deployer deployer = openDeployer(resolveTarget())) {
            AliasResult result = move(deployer);
            String url = settings == null ? null
                    : deployer.configureAlias(functionName, result.name(), settings, options());
            record(result, url);
        }
    }

    /** The goal's move of the alias. */
    protected abstract AliasResult move(Deployer deployer);

    /**
     * The alias settings the goal applies after the move. By default (promote, rollback) only the provisioned
     * concurrency, which a canary left as it was (Lambda refuses to change it on an alias with weights).
     */
    protected AliasSettings settings() {
        return provisionedConcurrency == null ? null
                : new AliasSettings(provisionedConcurrency, null, null, null, false);
    }

    private void record(AliasResult result, String functionUrl) {
        getLog().info((dryRun ? "Dry run: alias would be " : result.changed() ? "Alias " : "Alias unchanged: ")
                + result.describe() + (result.previousVersion() == null ? "" : " (previous: " + result.previousVersion() + ")"));
        Reactor.Row row = summaryRow();
        row.name = functionName;
        row.alias = result.describe();
        if (!dryRun) {
            report().recordAlias(result, functionUrl);
        }
    }
}
