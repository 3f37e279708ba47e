package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.VersionRow;
import java.util.ArrayList;
import java.util.List;

/** PublishVersion (a no-op returning the last version when nothing changed) and ListVersionsByFunction. */
final class VersionHandler {

    private final LambdaContext ctx;
    private final FunctionLookup lookup;
    private final FunctionWrites writes;
    private final ConfigurationView view;

    VersionHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.lookup = new FunctionLookup(ctx);
        this.writes = new FunctionWrites(ctx);
        this.view = new ConfigurationView(ctx);
    }

    ApiResponse publish(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.PUBLISH_VERSION);
        FunctionRef ref = lookup.unqualified(request, new Violations()
                .string("description", FunctionSettings.text(body, "Description"), Validation.DESCRIPTION));
        VersionRow result = ctx.db().write(c -> {
            long now = ctx.now();
            VersionRow latest = lookup.latest(c, ref);
            lookup.checkIdle(latest, now);
            if (latest.failureCode() != null) {
                throw ApiException.conflict("The operation cannot be performed at this time. The function is"
                        + " currently in the following state: Failed");
            }
            String expectedSha = body.path("CodeSha256").asText(null);
            String actualSha = latest.config().path("CodeSha256").asText();
            if (expectedSha != null && !expectedSha.equals(actualSha)) {
                // test_publish_with_wrong_sha256
                throw ApiException.invalidParameter("CodeSHA256 (" + expectedSha + ") is different from current"
                        + " CodeSHA256 in $LATEST (" + actualSha + "). Please try again with the CodeSHA256 in"
                        + " $LATEST.");
            }
            FunctionLookup.checkRevision(body.path("RevisionId").asText(null),
                    ConfigurationView.revision(ctx.transitions(), latest, now), FunctionLookup.REVISION_SOURCE);
            return writes.publish(c, latest, body.path("Description").asText(null));
        });
        return ApiResponse.json(201, view.render(result, ctx.now()));
    }

    ApiResponse list(ApiRequest request) {
        FunctionRef ref = lookup.ref(request, Validation.NAMESPACED_FUNCTION_NAME, new Violations());
        long now = ctx.now();
        List<JsonNode> items = ctx.db().read(c -> {
            lookup.latest(c, ref);
            List<JsonNode> result = new ArrayList<>();
            for (VersionRow row : ctx.functions().versions(c, ref.scope(), ref.name())) {
                result.add(view.listed(row, row.version(), now)); // $LATEST with its suffix (test_version_lifecycle)
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "Versions", 50, 10_000);
        return ApiResponse.json(200, out);
    }
}
