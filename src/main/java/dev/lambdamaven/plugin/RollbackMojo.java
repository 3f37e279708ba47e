package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.AliasResult;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Points the alias back: a canary in progress ends (all traffic to the primary); otherwise the alias returns to
 * the version it had before its last move, as recorded in its description by update-alias and promote.
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractAliasMojo {

    @Override
    protected String goalName() {
        return "rollback";
    }

    @Override
    protected AliasResult move(Deployer deployer) {
        return deployer.rollback(functionName, alias, options(null));
    }
}
