package dev.lambdamaven.plugin;

import dev.lambdamaven.config.Target;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks {@code <vpc>} through the EC2 API (subnets and security groups exist and share one VPC, free IP
 * addresses, availability zones), then applies it to the function; a problem fails the build before the function
 * is touched. Declare it before publish-version in the same execution, which then publishes the change.
 */
@Mojo(name = "configure-vpc", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ConfigureVpcMojo extends AbstractFunctionMojo {

    @Override
    protected String goalName() {
        return "configure-vpc";
    }

    @Override
    protected void deploy() throws MojoFailureException {
        Target resolved = resolveTarget();
        try (Deployer deployer = openDeployer(resolved)) {
            boolean changed = deployer.configureVpc(functionSpec(resolved), options(null));
            if (changed && !dryRun) {
                report().recordPendingVersionChange("vpc");
            }
        }
    }
}
