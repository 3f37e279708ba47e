package dev.lambdamaven.emulator.ec2;

import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The EC2 query protocol (form POST, XML answers) for DescribeVpcs, DescribeSubnets and
 * DescribeSecurityGroups over the {@link VpcCatalog}, so a VPC preflight runs against the emulator.
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
