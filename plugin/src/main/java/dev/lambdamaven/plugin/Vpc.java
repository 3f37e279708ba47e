package dev.lambdamaven.plugin;

import dev.lambdamaven.config.VpcSpec;
import java.util.List;

/** The {@code <vpc>} element: {@code <subnetIds>}, {@code <securityGroupIds>}, {@code <ipv6AllowedForDualStack>}. */
public class Vpc {

    private List<String> subnetIds;
    private List<String> securityGroupIds;
    private boolean ipv6AllowedForDualStack;

    VpcSpec toSpec() {
        return new VpcSpec(subnetIds, securityGroupIds, ipv6AllowedForDualStack);
    }
}
