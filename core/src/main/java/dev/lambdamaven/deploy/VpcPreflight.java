package dev.lambdamaven.deploy;

import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.VpcSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Checks a VPC configuration through the EC2 API before the function is touched: every subnet and security
 * group exists, all are in one VPC, every subnet has a free IP address for the Hyperplane ENI Lambda creates
 * per subnet and security-group combination. Warns when the subnets span a single availability zone or run low
 * on addresses. Two describe calls, filtered by id, so missing ids are named rather than failing the call.
 */
final class VpcPreflight {

    /** Below this many free addresses in a subnet, warn: Lambda needs spare ENIs while it replaces them. */
    static final int LOW_FREE_IPS = 5;

    private final Ec2Client ec2;
    private final DeployLog log;

    VpcPreflight(Ec2Client ec2, DeployLog log) {
        this.ec2 = ec2;
        this.log = log;
    }

    void check(VpcSpec vpc) {
        if (!vpc.attached()) {
            return;
        }
        List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(f -> f.name("subnet-id").values(vpc.subnetIds())))
                .subnets();
        List<SecurityGroup> groups = ec2.describeSecurityGroups(
                r -> r.filters(f -> f.name("group-id").values(vpc.securityGroupIds()))).securityGroups();
        missing("vpc/subnetIds", vpc.subnetIds(), subnets.stream().map(Subnet::subnetId).collect(Collectors.toSet()),
                "subnet");
        missing("vpc/securityGroupIds", vpc.securityGroupIds(),
                groups.stream().map(SecurityGroup::groupId).collect(Collectors.toSet()), "security group");
        Set<String> vpcs = new TreeSet<>();
        subnets.forEach(s -> vpcs.add(s.vpcId()));
        groups.forEach(g -> vpcs.add(g.vpcId()));
        if (vpcs.size() > 1) {
            String where = subnets.stream().map(s -> s.subnetId() + " in " + s.vpcId()).collect(Collectors.joining(", "))
                    + "; " + groups.stream().map(g -> g.groupId() + " in " + g.vpcId()).collect(Collectors.joining(", "));
            throw new InvalidSpecException("vpc", where,
                    "subnets and security groups must all belong to one VPC; pick ids from a single VPC");
        }
        for (Subnet subnet : subnets) {
            int free = subnet.availableIpAddressCount() == null ? 0 : subnet.availableIpAddressCount();
            if (free == 0) {
                throw new InvalidSpecException("vpc/subnetIds", subnet.subnetId(), "the subnet has no free IP address"
                        + " for Lambda's network interface: free addresses or use a larger subnet");
            }
            if (free < LOW_FREE_IPS) {
                log.warn("Subnet " + subnet.subnetId() + " has only " + free + " free IP addresses; Lambda needs one per"
                        + " subnet and security-group combination, plus spares while it replaces interfaces");
            }
        }
        long zones = subnets.stream().map(Subnet::availabilityZone).distinct().count();
        if (zones < 2) {
            log.warn("All subnets are in one availability zone (" + subnets.get(0).availabilityZone()
                    + "): add a subnet in a second zone so the function keeps running when a zone fails");
        }
        log.info("VPC preflight passed: " + vpc + " in " + vpcs.iterator().next() + ", " + zones + " zone(s)");
    }

    private static void missing(String element, List<String> wanted, Set<String> found, String kind) {
        List<String> absent = wanted.stream().filter(id -> !found.contains(id)).toList();
        if (!absent.isEmpty()) {
            throw new InvalidSpecException(element, String.join(", ", absent), "no such " + kind
                    + " in the target account and region: check the id, the region (-Dlambda.region) and the profile");
        }
    }
}
