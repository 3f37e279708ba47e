package dev.lambdamaven.emulator.ec2;

import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Router;

/** EC2 query protocol: DescribeVpcs, DescribeSubnets, DescribeSecurityGroups. */
public final class Ec2Handler implements Router.Route {

    private final VpcCatalog catalog;

    public Ec2Handler(VpcCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.empty(501);
    }
}
