package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.ec2.VpcCatalog;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.VersionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The steps shared by create, update and publish: code fields, size limits, state timing, publishing. */
final class FunctionWrites {

    static final String UNZIPPED_FIELD = "_UnzippedSize";
    static final String SOURCE_DESCRIPTION_FIELD = "_LatestDescription";
    private static final String NO_IPS = "Lambda was not able to set up VPC access for the Lambda function because"
            + " one or more configured subnets has no available IP addresses.";

    private final LambdaContext ctx;

    FunctionWrites(LambdaContext ctx) {
        this.ctx = ctx;
    }

    static void applyCode(ObjectNode config, CodeIntake.Code code) {
        config.put("CodeSize", code.size());
        config.put("CodeSha256", code.sha256Base64());
        config.put(UNZIPPED_FIELD, code.unzippedSize());
    }

    /**
     * Code plus layers must fit Lambda's unzipped limit. AWS words it after what the request changed: new code is
     * "Unzipped size must be smaller than <what the layers leave> bytes" (as AWS answered a CloudFormation stack,
     * quoted in aws-samples/serverless-pdf-chat#51), new layers "Function code combined with layers exceeds the
     * maximum allowed size of 262144000 bytes. The actual size is N bytes." (quoted in serverless and CDK
     * projects' issues).
     */
    static void checkCombinedSize(ObjectNode config, boolean newCode) {
        long layers = LayerResolver.unzippedTotal(config.path("Layers"));
        long total = config.path(UNZIPPED_FIELD).asLong() + layers;
        if (total < ZipInspector.MAX_UNZIPPED) {
            return;
        }
        throw ApiException.invalidParameter(newCode
                ? "Unzipped size must be smaller than " + (ZipInspector.MAX_UNZIPPED - layers) + " bytes"
                : "Function code combined with layers exceeds the maximum allowed size of " + ZipInspector.MAX_UNZIPPED
                        + " bytes. The actual size is " + total + " bytes.");
    }

    /**
     * Where a stored configuration's VPC settings place the function now (free IPs may have changed in
     * {@code vpc.json}); {@code null} without VPC settings.
     */
    VpcCatalog.Placement currentPlacement(Scope scope, ObjectNode config) {
        List<String> subnets = FunctionSettings.strings(config.path("VpcConfig").path("SubnetIds"));
        if (subnets.isEmpty()) {
            return null;
        }
        return ctx.vpc().catalog(scope.region()).place(subnets,
                FunctionSettings.strings(config.path("VpcConfig").path("SecurityGroupIds")));
    }

    /** A new row for {@code $LATEST} after a create ({@code op=create}) or an update. */
    VersionRow latestRow(FunctionRef function, ObjectNode config, byte[] env, String op,
            VpcCatalog.Placement placement, long now) {
        boolean vpc = placement != null && !placement.vpcId().isEmpty();
        long delay = (vpc ? ctx.delays().vpcActivation()
                : op.equals("create") ? ctx.delays().activation() : ctx.delays().update()).toMillis();
        boolean noIps = placement != null && placement.outOfIpAddresses();
        config.put("LastModified", Timestamps.format(now));
        VersionRow row = new VersionRow(function.scope(), function.name(), VersionRow.LATEST, config, env, hex(config),
                Ids.uuid(), op, now + delay, noIps ? "SubnetOutOfIPAddresses" : null, noIps ? NO_IPS : null);
        if (delay > 0) {
            ctx.transitions().begun(row);
        }
        return row;
    }

    /**
     * Publishes {@code latest}, as PublishVersion does (also for {@code Publish} on create and code updates):
     * the newest version when it has the same code and configuration, else the next version number.
     */
    VersionRow publish(Connection c, VersionRow latest, String description) throws SQLException {
        List<VersionRow> versions = ctx.functions().versions(c, latest.scope(), latest.function());
        VersionRow newest = versions.get(versions.size() - 1);
        if (!newest.version().equals(VersionRow.LATEST) && sameContent(newest, latest)) {
            return newest;
        }
        return publishNew(c, latest, description);
    }

    private VersionRow publishNew(Connection c, VersionRow latest, String description) throws SQLException {
        int number = ctx.functions().nextVersion(c, latest.scope(), latest.function());
        ObjectNode config = latest.config().deepCopy();
        // what $LATEST said when published: a later description change of $LATEST is a change to publish
        config.put(SOURCE_DESCRIPTION_FIELD, latest.config().path("Description").asText(""));
        if (description != null) {
            config.put("Description", description);
        }
        // ready when $LATEST is: Active at once after a settled $LATEST (test_version_lifecycle), Pending while an
        // update of $LATEST that published it is in progress (test_publish_with_update)
        VersionRow row = new VersionRow(latest.scope(), latest.function(), Integer.toString(number), config,
                latest.env(), latest.codeSha(), Ids.uuid(), "create", latest.doneAt(), latest.failureCode(),
                latest.failureReason());
        ctx.functions().put(c, row);
        // publishing is a change of $LATEST too: its revision moves on (test_function_revisions_version_and_alias)
        ctx.functions().setRevision(c, latest.scope(), latest.function(), VersionRow.LATEST, Ids.uuid());
        return row;
    }

    /** Code and configuration equal, ignoring timestamps and the description given to PublishVersion. */
    /** Numbers by value: a stored config reads 119 as an int, a freshly built one may hold it as a long. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b) || a.isNumber() && b.isNumber()
            && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    private boolean sameContent(VersionRow published, VersionRow latest) {
        return published.codeSha().equals(latest.codeSha())
                && comparable(published.config()).equals(SAME_VALUE, comparable(latest.config()))
                && Objects.equals(EnvironmentCodec.unseal(ctx.secrets(), published.env()),
                        EnvironmentCodec.unseal(ctx.secrets(), latest.env()));
    }

    private static JsonNode comparable(ObjectNode config) {
        ObjectNode copy = config.deepCopy();
        copy.remove("LastModified");
        JsonNode source = copy.remove(FunctionWrites.SOURCE_DESCRIPTION_FIELD);
        if (source != null) {
            copy.put("Description", source.asText());
        }
        return copy;
    }

    private static String hex(ObjectNode config) {
        byte[] raw = java.util.Base64.getDecoder().decode(config.path("CodeSha256").asText());
        return java.util.HexFormat.of().formatHex(raw);
    }
}
