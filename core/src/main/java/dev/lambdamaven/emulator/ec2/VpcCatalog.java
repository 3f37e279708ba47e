package dev.lambdamaven.emulator.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.AtomicFile;
import dev.lambdamaven.emulator.store.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emulated network of one region: VPCs, subnets (with free IP counts) and security groups, read from a
 * file of {@link VpcCatalogs}.
 */
public final class VpcCatalog {

    /** A VPC. */
    public record Vpc(String vpcId, String cidrBlock, boolean isDefault) {}

    /** A subnet. */
    public record Subnet(String subnetId, String vpcId, String availabilityZone, String cidrBlock,
            int availableIpAddressCount) {}

    /** A security group. */
    public record SecurityGroup(String groupId, String groupName, String vpcId, String description) {}

    /** The outcome of checking a function's VPC configuration. */
    public record Placement(String vpcId, boolean outOfIpAddresses) {}

    private final Map<String, Vpc> vpcs = new TreeMap<>();
    private final Map<String, Subnet> subnets = new TreeMap<>();
    private final Map<String, SecurityGroup> groups = new TreeMap<>();

    /** Reads {@code file}, first writing the seed of {@code region} there when it is missing. */
    static VpcCatalog load(Path file, String region) throws IOException {
        if (!Files.exists(file)) {
            OwnerOnly.directory(file.getParent());
            AtomicFile.write(file, Json.prettyBytes(seed(region)));
        }
        JsonNode root;
        try {
            root = Json.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        VpcCatalog catalog = new VpcCatalog();
        for (JsonNode v : root.path("Vpcs")) {
            catalog.vpcs.put(v.path("VpcId").asText(), new Vpc(v.path("VpcId").asText(), v.path("CidrBlock").asText(),
                    v.path("IsDefault").asBoolean()));
        }
        for (JsonNode s : root.path("Subnets")) {
            catalog.subnets.put(s.path("SubnetId").asText(), new Subnet(s.path("SubnetId").asText(),
                    s.path("VpcId").asText(), s.path("AvailabilityZone").asText(), s.path("CidrBlock").asText(),
                    s.path("AvailableIpAddressCount").asInt()));
        }
        for (JsonNode g : root.path("SecurityGroups")) {
            catalog.groups.put(g.path("GroupId").asText(), new SecurityGroup(g.path("GroupId").asText(),
                    g.path("GroupName").asText(), g.path("VpcId").asText(), g.path("Description").asText()));
        }
        return catalog;
    }

    /**
     * A default VPC with three subnets (one per availability zone of the region) and a default security group.
     * Ids differ by region, as on AWS; us-east-1 keeps the ids earlier versions seeded.
     */
    private static ObjectNode seed(String region) {
        String tag = region.equals("us-east-1") ? "0a1b2c3d4e5f6"
                : HexFormat.of().formatHex(sha256(region)).substring(0, 13);
        ObjectNode root = Json.object();
        String vpcId = "vpc-" + tag + "0001";
        root.putArray("Vpcs").addObject().put("VpcId", vpcId).put("CidrBlock", "172.31.0.0/16").put("IsDefault", true);
        ArrayNode subnets = root.putArray("Subnets");
        String[] zones = {"a", "b", "c"};
        for (int i = 0; i < zones.length; i++) {
            subnets.addObject().put("SubnetId", "subnet-" + tag + "000" + (i + 1)).put("VpcId", vpcId)
                    .put("AvailabilityZone", region + zones[i]).put("CidrBlock", "172.31." + (i * 16) + ".0/20")
                    .put("AvailableIpAddressCount", 4091);
        }
        root.putArray("SecurityGroups").addObject().put("GroupId", "sg-" + tag + "0001")
                .put("GroupName", "default").put("VpcId", vpcId).put("Description", "default VPC security group");
        return root;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Vpc> vpcs() {
        return new ArrayList<>(vpcs.values());
    }

    public List<Subnet> subnets() {
        return new ArrayList<>(subnets.values());
    }

    public List<SecurityGroup> securityGroups() {
        return new ArrayList<>(groups.values());
    }

    public Subnet subnet(String id) {
        return subnets.get(id);
    }

    public SecurityGroup securityGroup(String id) {
        return groups.get(id);
    }

    public Vpc vpc(String id) {
        return vpcs.get(id);
    }

    /**
     * Checks ids the way Lambda does on CreateFunction/UpdateFunctionConfiguration: security groups are looked up
     * before subnets (test_invalid_vpc_config_security_group), then subnets and groups must share one VPC.
     */
    public Placement place(List<String> subnetIds, List<String> securityGroupIds) {
        for (String id : securityGroupIds) {
            if (!groups.containsKey(id)) {
                throw ApiException.invalidParameter("Error occurred while DescribeSecurityGroups. EC2 Error Code:"
                        + " InvalidGroup.NotFound. EC2 Error Message: The security group '" + id + "' does not exist");
            }
        }
        String vpcId = null;
        boolean outOfIps = false;
        for (String id : subnetIds) {
            Subnet subnet = subnets.get(id);
            if (subnet == null) {
                throw ApiException.invalidParameter("Error occurred while DescribeSubnets. EC2 Error Code:"
                        + " InvalidSubnetID.NotFound. EC2 Error Message: The subnet ID '" + id + "' does not exist");
            }
            if (vpcId != null && !vpcId.equals(subnet.vpcId())) {
                throw ApiException.invalidParameter("Subnets can only be associated with a single VPC.");
            }
            vpcId = subnet.vpcId();
            outOfIps |= subnet.availableIpAddressCount() <= 0;
        }
        for (String id : securityGroupIds) {
            if (vpcId != null && !vpcId.equals(groups.get(id).vpcId())) {
                throw ApiException.invalidParameter("Security groups and subnets must belong to the same VPC.");
            }
        }
        return new Placement(vpcId == null ? "" : vpcId, outOfIps);
    }
}
