package dev.lambdamaven.emulator.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Xml;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The EC2 query protocol (form POST, XML answers) for DescribeVpcs, DescribeSubnets and
 * DescribeSecurityGroups over the {@link VpcCatalog}, so a VPC preflight runs against the emulator, and the Create
 * and Delete calls of VPCs, subnets and security groups that a test makes its network with (test_vpc_config).
 */
public final class Ec2Handler {

    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final VpcCatalogs catalogs;

    public Ec2Handler(VpcCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    private ApiResponse describe(ApiRequest request, DescribeCall call) {
        try {
            return call.answer(catalogs.catalog(request.scope().region()), new Ec2Query(request.formMap()), request);
        } catch (Ec2Query.NotFound e) {
            return Xml.ec2Error(400, e.code, e.getMessage(), request.requestId());
        }
    }

    /** One Describe action over a region's network. */
    private interface DescribeCall {
        ApiResponse answer(VpcCatalog catalog, Ec2Query query, ApiRequest request);
    }

    public ApiResponse describeVpcs(ApiRequest request) {
        return describe(request, (catalog, query, r) -> describeVpcs(catalog, query, r.requestId()));
    }

    public ApiResponse describeSubnets(ApiRequest request) {
        return describe(request, (catalog, query, r) -> describeSubnets(catalog, query, r.requestId()));
    }

    public ApiResponse describeSecurityGroups(ApiRequest request) {
        return describe(request, (catalog, query, r) -> describeSecurityGroups(catalog, query, r.scope().account(),
                r.requestId()));
    }

    private static ApiResponse describeVpcs(VpcCatalog catalog, Ec2Query query, String requestId) {
        List<VpcCatalog.Vpc> vpcs = query.select(catalog.vpcs(), "VpcId", VpcCatalog.Vpc::vpcId,
                "InvalidVpcID.NotFound", id -> "The vpc ID '" + id + "' does not exist",
                Map.of("vpc-id", VpcCatalog.Vpc::vpcId, "is-default", v -> Boolean.toString(v.isDefault())));
        StringBuilder items = new StringBuilder();
        for (VpcCatalog.Vpc v : vpcs) {
            items.append("<item>").append(Xml.element("vpcId", v.vpcId())).append(Xml.element("state", "available"))
                    .append(Xml.element("cidrBlock", v.cidrBlock())).append(Xml.element("isDefault", v.isDefault()))
                    .append("</item>");
        }
        return answer("DescribeVpcsResponse", requestId, "vpcSet", items);
    }

    private static ApiResponse describeSubnets(VpcCatalog catalog, Ec2Query query, String requestId) {
        List<VpcCatalog.Subnet> subnets = query.select(catalog.subnets(), "SubnetId", VpcCatalog.Subnet::subnetId,
                "InvalidSubnetID.NotFound", id -> "The subnet ID '" + id + "' does not exist",
                Map.of("vpc-id", VpcCatalog.Subnet::vpcId, "subnet-id", VpcCatalog.Subnet::subnetId,
                        "availability-zone", VpcCatalog.Subnet::availabilityZone));
        StringBuilder items = new StringBuilder();
        for (VpcCatalog.Subnet s : subnets) {
            items.append("<item>").append(Xml.element("subnetId", s.subnetId())).append(Xml.element("state",
                    "available")).append(Xml.element("vpcId", s.vpcId())).append(Xml.element("cidrBlock",
                    s.cidrBlock())).append(Xml.element("availableIpAddressCount", s.availableIpAddressCount()))
                    .append(Xml.element("availabilityZone", s.availabilityZone()))
                    .append(Xml.element("defaultForAz", true)).append(Xml.element("mapPublicIpOnLaunch", true))
                    .append("</item>");
        }
        return answer("DescribeSubnetsResponse", requestId, "subnetSet", items);
    }

    private static ApiResponse describeSecurityGroups(VpcCatalog catalog, Ec2Query query, String account,
            String requestId) {
        List<VpcCatalog.SecurityGroup> groups = query.select(catalog.securityGroups(), "GroupId",
                VpcCatalog.SecurityGroup::groupId, "InvalidGroup.NotFound",
                id -> "The security group '" + id + "' does not exist",
                Map.of("vpc-id", VpcCatalog.SecurityGroup::vpcId, "group-id", VpcCatalog.SecurityGroup::groupId,
                        "group-name", VpcCatalog.SecurityGroup::groupName));
        StringBuilder items = new StringBuilder();
        for (VpcCatalog.SecurityGroup g : groups) {
            items.append("<item>").append(Xml.element("ownerId", account))
                    .append(Xml.element("groupId", g.groupId())).append(Xml.element("groupName", g.groupName()))
                    .append(Xml.element("groupDescription", g.description())).append(Xml.element("vpcId", g.vpcId()))
                    .append("</item>");
        }
        return answer("DescribeSecurityGroupsResponse", requestId, "securityGroupInfo", items);
    }

    /** One Create or Delete action: edits the region's file, answers what it made. */
    private interface ChangeCall {
        String apply(ObjectNode network, Ec2Query query);
    }

    private ApiResponse change(ApiRequest request, String action, ChangeCall call) {
        Ec2Query query = new Ec2Query(request.formMap());
        String[] body = new String[1];
        try {
            catalogs.change(request.scope().region(), network -> body[0] = call.apply(network, query));
        } catch (Ec2Query.NotFound e) {
            return Xml.ec2Error(400, e.code, e.getMessage(), request.requestId());
        }
        return Xml.response(200, "<" + action + "Response xmlns=\"" + NS + "\">"
                + Xml.element("requestId", request.requestId()) + body[0] + "</" + action + "Response>");
    }

    /** CreateVpc, with the VPC's default security group, as EC2 makes one. */
    public ApiResponse createVpc(ApiRequest request) {
        return change(request, "CreateVpc", (network, query) -> {
            String cidr = query.required("CidrBlock");
            String vpcId = id("vpc");
            network.withArray("Vpcs").addObject().put("VpcId", vpcId).put("CidrBlock", cidr).put("IsDefault", false);
            network.withArray("SecurityGroups").addObject().put("GroupId", id("sg")).put("GroupName", "default")
                    .put("VpcId", vpcId).put("Description", "default VPC security group");
            return "<vpc>" + Xml.element("vpcId", vpcId) + Xml.element("state", "available")
                    + Xml.element("cidrBlock", cidr) + Xml.element("isDefault", false) + "</vpc>";
        });
    }

    /** CreateSubnet in a VPC of the region: as many free addresses as its block has, less AWS's five. */
    public ApiResponse createSubnet(ApiRequest request) {
        return change(request, "CreateSubnet", (network, query) -> {
            String vpcId = existing(network, "Vpcs", "VpcId", query.required("VpcId"), "InvalidVpcID.NotFound",
                    "The vpc ID '%s' does not exist");
            String cidr = query.required("CidrBlock");
            String zone = query.single("AvailabilityZone") != null ? query.single("AvailabilityZone")
                    : request.scope().region() + "a";
            int prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
            int free = (int) Math.max(0, (1L << (32 - prefix)) - 5);
            String subnetId = id("subnet");
            network.withArray("Subnets").addObject().put("SubnetId", subnetId).put("VpcId", vpcId)
                    .put("AvailabilityZone", zone).put("CidrBlock", cidr).put("AvailableIpAddressCount", free);
            return "<subnet>" + Xml.element("subnetId", subnetId) + Xml.element("state", "available")
                    + Xml.element("vpcId", vpcId) + Xml.element("cidrBlock", cidr)
                    + Xml.element("availableIpAddressCount", free) + Xml.element("availabilityZone", zone)
                    + Xml.element("defaultForAz", false) + Xml.element("mapPublicIpOnLaunch", false) + "</subnet>";
        });
    }

    /** CreateSecurityGroup, in the region's default VPC unless one is named; names are unique per VPC. */
    public ApiResponse createSecurityGroup(ApiRequest request) {
        return change(request, "CreateSecurityGroup", (network, query) -> {
            String name = query.required("GroupName");
            String description = query.required("GroupDescription");
            String vpcId = query.single("VpcId") != null
                    ? existing(network, "Vpcs", "VpcId", query.single("VpcId"), "InvalidVpcID.NotFound",
                            "The vpc ID '%s' does not exist")
                    : defaultVpc(network);
            for (JsonNode group : network.path("SecurityGroups")) {
                if (group.path("VpcId").asText().equals(vpcId) && group.path("GroupName").asText().equals(name)) {
                    throw new Ec2Query.NotFound("InvalidGroup.Duplicate", "The security group '" + name
                            + "' already exists for VPC '" + vpcId + "'");
                }
            }
            String groupId = id("sg");
            network.withArray("SecurityGroups").addObject().put("GroupId", groupId).put("GroupName", name)
                    .put("VpcId", vpcId).put("Description", description);
            return Xml.element("return", true) + Xml.element("groupId", groupId);
        });
    }

    public ApiResponse deleteSubnet(ApiRequest request) {
        return deleteOne(request, "DeleteSubnet", "Subnets", "SubnetId", "InvalidSubnetID.NotFound",
                "The subnet ID '%s' does not exist");
    }

    public ApiResponse deleteSecurityGroup(ApiRequest request) {
        return deleteOne(request, "DeleteSecurityGroup", "SecurityGroups", "GroupId", "InvalidGroup.NotFound",
                "The security group '%s' does not exist");
    }

    /** A Delete of one item of {@code list}, named by the request parameter of its id's name. */
    private ApiResponse deleteOne(ApiRequest request, String action, String list, String idField,
            String notFoundCode, String notFoundMessage) {
        return change(request, action, (network, query) -> {
            String id = existing(network, list, idField, query.required(idField), notFoundCode, notFoundMessage);
            remove(network, list, item -> item.path(idField).asText().equals(id));
            return Xml.element("return", true);
        });
    }

    /** DeleteVpc of a VPC without subnets or groups of its own (its default group goes with it). */
    public ApiResponse deleteVpc(ApiRequest request) {
        return change(request, "DeleteVpc", (network, query) -> {
            String id = existing(network, "Vpcs", "VpcId", query.required("VpcId"), "InvalidVpcID.NotFound",
                    "The vpc ID '%s' does not exist");
            boolean used = network.path("Subnets").valueStream().anyMatch(s -> s.path("VpcId").asText().equals(id))
                    || network.path("SecurityGroups").valueStream().anyMatch(g -> g.path("VpcId").asText()
                            .equals(id) && !g.path("GroupName").asText().equals("default"));
            if (used) {
                throw new Ec2Query.NotFound("DependencyViolation", "The vpc '" + id
                        + "' has dependencies and cannot be deleted.");
            }
            remove(network, "SecurityGroups", item -> item.path("VpcId").asText().equals(id));
            remove(network, "Vpcs", item -> item.path("VpcId").asText().equals(id));
            return Xml.element("return", true);
        });
    }

    private static String existing(ObjectNode network, String list, String idField, String id, String code,
            String message) {
        if (network.path(list).valueStream().noneMatch(item -> item.path(idField).asText().equals(id))) {
            throw new Ec2Query.NotFound(code, String.format(message, id));
        }
        return id;
    }

    private static String defaultVpc(ObjectNode network) {
        return network.path("Vpcs").valueStream().filter(v -> v.path("IsDefault").asBoolean())
                .map(v -> v.path("VpcId").asText()).findFirst()
                .orElseThrow(() -> new Ec2Query.NotFound("VPCIdNotSpecified", "No default VPC for this user"));
    }

    private static void remove(ObjectNode network, String list, Predicate<JsonNode> which) {
        ArrayNode items = network.withArray(list);
        for (int i = items.size() - 1; i >= 0; i--) {
            if (which.test(items.get(i))) {
                items.remove(i);
            }
        }
    }

    /** An EC2 id: the prefix and 17 hex digits. */
    private static String id(String prefix) {
        byte[] random = new byte[9];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random).substring(0, 17);
    }

    private static ApiResponse answer(String root, String requestId, String set, CharSequence items) {
        return Xml.response(200, "<" + root + " xmlns=\"" + NS + "\">" + Xml.element("requestId", requestId)
                + "<" + set + ">" + items + "</" + set + "></" + root + ">");
    }

    /** Parameters of a Describe call: {@code <Name>.N} id lists and {@code Filter.N.Name/Value.M} filters. */
    static final class Ec2Query {
        private final Map<String, List<String>> form;

        Ec2Query(Map<String, List<String>> form) {
            this.form = form;
        }

        String single(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** A parameter the action needs, or EC2's MissingParameter. */
        String required(String name) {
            String value = single(name);
            if (value == null || value.isEmpty()) {
                throw new NotFound("MissingParameter", "The request must contain the parameter " + name);
            }
            return value;
        }

        List<String> list(String prefix) {
            List<String> values = new ArrayList<>();
            for (int i = 1; single(prefix + "." + i) != null; i++) {
                values.add(single(prefix + "." + i));
            }
            return values;
        }

        <T> List<T> select(List<T> all, String idParam, Function<T, String> id, String notFoundCode,
                Function<String, String> notFoundMessage, Map<String, Function<T, String>> filterFields) {
            List<String> ids = list(idParam);
            for (String wanted : ids) {
                if (all.stream().noneMatch(item -> id.apply(item).equals(wanted))) {
                    throw new NotFound(notFoundCode, notFoundMessage.apply(wanted));
                }
            }
            List<T> result = new ArrayList<>();
            for (T item : all) {
                if ((ids.isEmpty() || ids.contains(id.apply(item))) && matchesFilters(item, filterFields)) {
                    result.add(item);
                }
            }
            return result;
        }

        private <T> boolean matchesFilters(T item, Map<String, Function<T, String>> fields) {
            for (int i = 1; single("Filter." + i + ".Name") != null; i++) {
                Function<T, String> field = fields.get(single("Filter." + i + ".Name"));
                List<String> values = list("Filter." + i + ".Value");
                if (field != null && !values.contains(field.apply(item))) {
                    return false;
                }
            }
            return true;
        }

        /** An unknown id, answered with EC2's error code. */
        static final class NotFound extends RuntimeException {
            final String code;

            NotFound(String code, String message) {
                super(message, null, false, false);
                this.code = code;
            }
        }
    }
}
