package dev.lambdamaven.config;

import java.util.List;

/**
 * A function's VPC attachment. {@link #NONE} (no subnets, no security groups) means "not in a VPC": deploying
 * it removes an existing VPC configuration.
 */
public record VpcSpec(List<String> subnetIds, List<String> securityGroupIds, boolean ipv6AllowedForDualStack) {

    public static final VpcSpec NONE = new VpcSpec(List.of(), List.of(), false);

    /** Lambda's limits on one function's VPC configuration (API reference: VpcConfig). */
    public static final int MAX_SUBNETS = 16;
    public static final int MAX_SECURITY_GROUPS = 5;

    public VpcSpec {
        subnetIds = subnetIds == null ? List.of() : subnetIds.stream().sorted().distinct().toList();
        securityGroupIds = securityGroupIds == null ? List.of()
                : securityGroupIds.stream().sorted().distinct().toList();
        if (subnetIds.isEmpty() != securityGroupIds.isEmpty()) {
            throw new InvalidSpecException(subnetIds.isEmpty() ? "vpc/subnetIds" : "vpc/securityGroupIds", null,
                    "a VPC configuration needs both subnetIds and securityGroupIds (or neither, to leave the VPC)");
        }
        check("vpc/subnetIds", subnetIds, "subnet", MAX_SUBNETS);
        check("vpc/securityGroupIds", securityGroupIds, "sg", MAX_SECURITY_GROUPS);
    }

    /** EC2 ids: the resource prefix and 8 or 17 hexadecimal digits, such as subnet-0a1b2c3d4e5f60001. */
    private static void check(String element, List<String> ids, String prefix, int max) {
        if (ids.size() > max) {
            throw new InvalidSpecException(element, ids.size() + " ids", "Lambda allows at most " + max);
        }
        for (String id : ids) {
            if (!id.matches(prefix + "-([0-9a-f]{8}|[0-9a-f]{17})")) {
                throw new InvalidSpecException(element, id, "use an EC2 id, " + prefix
                        + "- and 8 or 17 hexadecimal digits, such as " + prefix + "-0a1b2c3d4e5f60001");
            }
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
