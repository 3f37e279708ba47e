package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.AliasResult;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Moves all of a canary alias's traffic to its canary version (the version keeps no weight any more). */
@Mojo(name = "promote", threadSafe = true)
public class PromoteMojo extends AbstractAliasMojo {

    @Parameter(property = PropertyNames.PROMOTE_SKIP, defaultValue = "false")
    private boolean skipGoal;

    @Override
    protected String goalName() {
        return "promote";
    }

    @Override
    protected boolean goalSkipped() {
        return skipGoal;
    }

    @Override
    protected AliasResult move(Deployer deployer) {
        return deployer.promote(functionName, alias, options(null));
    }
}
