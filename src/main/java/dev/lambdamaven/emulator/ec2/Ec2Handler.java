package dev.lambdamaven.emulator.ec2;

import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.PathCodec;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.http.Xml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The EC2 query protocol (form POST, XML answers) for DescribeVpcs, DescribeSubnets and
 * DescribeSecurityGroups over the {@link VpcCatalog}, so a VPC preflight runs against the emulator.
 */
public final class Ec2Handler implements Router.Route {

    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final VpcCatalog catalog;

    public Ec2Handler(VpcCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Map<String, List<String>> form = PathCodec.query(new String(request.body(1 << 20, "EC2"),
                StandardCharsets.UTF_8));
        Ec2Query query = new Ec2Query(form);
        String action = query.single("Action");
        try {
            return switch (action == null ? "" : action) {
                case "DescribeVpcs" -> describeVpcs(query, request.requestId());
                case "DescribeSubnets" -> describeSubnets(query, request.requestId());
                case "DescribeSecurityGroups" -> describeSecurityGroups(query, request.requestId());
                default -> error(400, "InvalidAction", "The action " + action + " is not valid for this web service.",
                        request.requestId());
            };
        } catch (Ec2Query.NotFound e) {
            return error(400, e.code, e.getMessage(), request.requestId());
        }
    }

    private ApiResponse describeVpcs(Ec2Query query, String requestId) {
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

    private ApiResponse describeSubnets(Ec2Query query, String requestId) {
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

    private ApiResponse describeSecurityGroups(Ec2Query query, String requestId) {
        List<VpcCatalog.SecurityGroup> groups = query.select(catalog.securityGroups(), "GroupId",
                VpcCatalog.SecurityGroup::groupId, "InvalidGroup.NotFound",
                id -> "The security group '" + id + "' does not exist",
                Map.of("vpc-id", VpcCatalog.SecurityGroup::vpcId, "group-id", VpcCatalog.SecurityGroup::groupId,
                        "group-name", VpcCatalog.SecurityGroup::groupName));
        StringBuilder items = new StringBuilder();
        for (VpcCatalog.SecurityGroup g : groups) {
            items.append("<item>").append(Xml.element("ownerId", "123456789012"))
                    .append(Xml.element("groupId", g.groupId())).append(Xml.element("groupName", g.groupName()))
                    .append(Xml.element("groupDescription", g.description())).append(Xml.element("vpcId", g.vpcId()))
                    .append("</item>");
        }
        return answer("DescribeSecurityGroupsResponse", requestId, "securityGroupInfo", items);
    }

    private static ApiResponse answer(String root, String requestId, String set, CharSequence items) {
        return Xml.response(200, "<" + root + " xmlns=\"" + NS + "\">" + Xml.element("requestId", requestId)
                + "<" + set + ">" + items + "</" + set + "></" + root + ">");
    }

    private static ApiResponse error(int status, String code, String message, String requestId) {
        return Xml.response(status, "<Response><Errors><Error>" + Xml.element("Code", code)
                + Xml.element("Message", message) + "</Error></Errors>" + Xml.element("RequestID", requestId)
                + "</Response>");
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
