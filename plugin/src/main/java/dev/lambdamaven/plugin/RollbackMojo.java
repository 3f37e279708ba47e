package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.deploy.AliasResult;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Points the alias back along its release history, which is kept on the target (in the alias's description):
 * a canary in progress ends (all traffic to the primary); otherwise the alias goes back one release, or
 * {@code rollbackSteps} releases, or to {@code version}. A second rollback goes further back, and a later
 * deploy that publishes nothing new leaves the alias where the rollback put it. Skip it with
 * {@code -Dlambda.rollback.skip}.
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractAliasMojo {

    /** How many releases to go back. */
    @Parameter(property = PropertyNames.ROLLBACK_STEPS, defaultValue = "1")
    private int rollbackSteps;

    /** An earlier release of the alias's history to go back to, instead of counting steps. */
    @Parameter(property = PropertyNames.VERSION)
    private String version;

    @Override
    protected AliasResult move(Deployer deployer) {
        return deployer.rollback(functionName, alias, rollbackSteps, AliasSpec.version("version", version), options());
    }
}
