package dev.lambdamaven.config;

import java.util.List;

/**
 * A function's VPC attachment. {@link #NONE} (no subnets, no security groups) means "not in a VPC": deploying
 * it removes an existing VPC configuration.
 */
public record VpcSpec(List<String> subnetIds, List<String> securityGroupIds, boolean ipv6AllowedForDualStack) {

    public static final VpcSpec NONE = new VpcSpec(List.of(), List.of(), false);

    public VpcSpec {
        subnetIds = subnetIds == null ? List.of() : subnetIds.stream().sorted().distinct().toList();
        securityGroupIds = securityGroupIds == null ? List.of()
                : securityGroupIds.stream().sorted().distinct().toList();
        if (subnetIds.isEmpty() != securityGroupIds.isEmpty()) {
            throw new InvalidSpecException(subnetIds.isEmpty() ? "vpc/subnetIds" : "vpc/securityGroupIds", null,
                    "a VPC configuration needs both subnetIds and securityGroupIds (or neither, to leave the VPC)");
        }
    }

    public boolean attached() {
        return !subnetIds.isEmpty();
    }

    @Override
    public String toString() {
        return attached() ? "subnets " + subnetIds + ", security groups " + securityGroupIds
                + (ipv6AllowedForDualStack ? ", IPv6 dual stack" : "") : "none";
    }
}
