package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.AliasResult;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Moves all of a canary alias's traffic to its canary version (the version keeps no weight any more), and
 * records the move in the alias's release history. Skip it with {@code -Dlambda.promote.skip}.
 */
@Mojo(name = "promote", threadSafe = true)
public class PromoteMojo extends AbstractAliasMojo {

    @Override
    protected AliasResult move(Deployer deployer) {
        return deployer.promote(functionName, alias, options());
    }
}
