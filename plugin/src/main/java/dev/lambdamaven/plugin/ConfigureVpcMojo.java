package dev.lambdamaven.plugin;

import dev.lambdamaven.config.VpcSpec;
import dev.lambdamaven.deploy.Deployer;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The VPC preflight: checks {@code <vpc>} through the EC2 API (subnets and security groups exist and share one
 * VPC, free IP addresses, availability zones) and changes nothing; a problem fails the build before anything is
 * deployed. Bind it before publish-version, which applies the VPC configuration (and then does not check it
 * again). Skip it with {@code -Dlambda.configure-vpc.skip}.
 */
@Mojo(name = "configure-vpc", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ConfigureVpcMojo extends AbstractNamedFunctionMojo {

    /** Subnets and security groups ({@code <subnetIds>}, {@code <securityGroupIds>}, {@code <ipv6AllowedForDualStack>}). */
    @Parameter
    private Vpc vpc;

    @Override
    protected void deploy() {
        VpcSpec spec = vpc == null ? VpcSpec.NONE : vpc.toSpec();
        try (Deployer deployer = openDeployer(resolveTarget())) {
            deployer.checkVpc(functionName, spec);
        }
        Reactor.of(session).vpcChecked(project, spec);
    }
}
