package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.FunctionConfigStore;
import dev.lambdamaven.emulator.store.VersionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Put/Update/Get/Delete/ListFunctionEventInvokeConfig(s): retries, event age and destinations of asynchronous
 * invocations, per {@code $LATEST} (also the unqualified function), version or alias. Put replaces a config,
 * Update changes the members it is given.
 */
final class EventInvokeConfigHandler {

    static final String DESTINATION_PATTERN = "$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):"
            + "([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";
    /** The services a destination of an asynchronous invocation may be (S3 only for failures). */
    private static final Set<String> DESTINATION_SERVICES = Set.of("lambda", "sqs", "sns", "events");
    private static final String NO_FUNCTION = "The function doesn't exist.";
    private static final List<String> MEMBERS = List.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds",
            "DestinationConfig");

    private final LambdaContext ctx;
    private final FunctionTargets targets;

    EventInvokeConfigHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.targets = new FunctionTargets(ctx);
    }

    ApiResponse put(ApiRequest request) {
        return store(request, false);
    }

    ApiResponse update(ApiRequest request) {
        return store(request, true);
    }

    private ApiResponse store(ApiRequest request, boolean merge) {
        FunctionRef ref = latestIfUnqualified(FunctionTargets.parse(request,
                FunctionTargets.NUMERIC_LATEST_PUBLISHED_OR_ALIAS));
        ObjectNode body = request.json(LambdaShapes.EVENT_INVOKE_CONFIG);
        validate(body);
        FunctionConfigStore.Config stored = ctx.db().write(c -> {
            long now = ctx.now();
            FunctionTargets.Target target = targets.find(c, ref);
            if (!target.exists()) {
                throw ApiException.notFound(NO_FUNCTION);
            }
            checkDestinations(c, ref, body.path("DestinationConfig"));
            ObjectNode config = Json.object();
            if (merge) {
                config = ctx.eventInvokeConfigs().find(c, ref.scope(), ref.name(), ref.qualifier())
                        .orElseThrow(() -> noConfig(ref)).config();
            }
            for (String member : MEMBERS) {
                if (body.has(member)) {
                    config.set(member, body.get(member));
                }
            }
            FunctionConfigStore.Config row = new FunctionConfigStore.Config(ref.qualifier(), config, now);
            ctx.eventInvokeConfigs().put(c, ref.scope(), ref.name(), row);
            return row;
        });
        return ApiResponse.json(200, render(ref, stored));
    }

    ApiResponse get(ApiRequest request) {
        FunctionRef ref = latestIfUnqualified(FunctionTargets.parse(request,
                FunctionTargets.NUMERIC_LATEST_PUBLISHED_OR_ALIAS));
        return ctx.db().read(c -> ApiResponse.json(200, render(ref, ctx.eventInvokeConfigs()
                .find(c, ref.scope(), ref.name(), ref.qualifier()).orElseThrow(() -> noConfig(ref)))));
    }

    ApiResponse delete(ApiRequest request) {
        FunctionRef ref = latestIfUnqualified(FunctionTargets.parse(request,
                FunctionTargets.NUMERIC_LATEST_PUBLISHED_OR_ALIAS));
        ctx.db().write(c -> {
            if (!ctx.eventInvokeConfigs().delete(c, ref.scope(), ref.name(), ref.qualifier())) {
                throw noConfig(ref);
            }
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse list(ApiRequest request) {
        FunctionRef ref = FunctionRef.parse(request.path("name"), null, request.scope());
        return targets.list(request, ApiException.notFound(NO_FUNCTION), ctx.eventInvokeConfigs()::list,
                config -> render(new FunctionRef(ref.scope(), ref.name(), config.qualifier()), config),
                "FunctionEventInvokeConfigs");
    }

    /** The unqualified function's config is {@code $LATEST}'s. */
    private static FunctionRef latestIfUnqualified(FunctionRef ref) {
        return ref.qualifier() != null ? ref : new FunctionRef(ref.scope(), ref.name(), VersionRow.LATEST);
    }

    private static void validate(ObjectNode body) {
        JsonNode destinations = body.path("DestinationConfig");
        String onSuccess = destinations.path("OnSuccess").path("Destination").asText(null);
        String onFailure = destinations.path("OnFailure").path("Destination").asText(null);
        new Constraints()
                .range(body.get("MaximumRetryAttempts"), "maximumRetryAttempts", 0, 2)
                .range(body.get("MaximumEventAgeInSeconds"), "maximumEventAgeInSeconds", 60, 21600)
                .length(onSuccess, "destinationConfig.onSuccess.destination", 0, 350)
                .pattern(onSuccess, "destinationConfig.onSuccess.destination", DESTINATION_PATTERN)
                .length(onFailure, "destinationConfig.onFailure.destination", 0, 350)
                .pattern(onFailure, "destinationConfig.onFailure.destination", DESTINATION_PATTERN)
                .check();
        if (!body.has("MaximumRetryAttempts") && !body.has("MaximumEventAgeInSeconds")
                && !body.has("DestinationConfig")) {
            throw ApiException.invalidParameter("You must specify at least one of error handling or destination"
                    + " setting.");
        }
    }

    /** Destinations must be of a service that takes them; a function must exist, and not be this one. */
    private void checkDestinations(Connection c, FunctionRef ref, JsonNode destinations) throws SQLException {
        String onSuccess = destinations.path("OnSuccess").path("Destination").asText(null);
        String onFailure = destinations.path("OnFailure").path("Destination").asText(null);
        if (!serviceTakes(onSuccess, false) || !serviceTakes(onFailure, true)) {
            throw ApiException.invalidParameter("The provided destination config DestinationConfig(onSuccess="
                    + describe("OnSuccess", destinations.get("OnSuccess")) + ", onFailure="
                    + describe("OnFailure", destinations.get("OnFailure")) + ") is invalid.");
        }
        for (String destination : new String[] {onSuccess, onFailure}) {
            if (destination == null || destination.isEmpty() || !destination.split(":", 4)[2].equals("lambda")) {
                continue;
            }
            FunctionRef function;
            try {
                function = FunctionRef.parse(destination, null, ref.scope());
            } catch (ApiException e) {
                throw invalidDestination(destination);
            }
            if (function.name().equals(ref.name())) {
                throw ApiException.invalidParameter("You can't specify the function as a destination for itself.");
            }
            if (targets.find(c, function).missing() != null) {
                throw invalidDestination(destination);
            }
        }
    }

    private static boolean serviceTakes(String destination, boolean failure) {
        if (destination == null || destination.isEmpty()) {
            return true;
        }
        if (!destination.startsWith("arn:")) {
            return false; // kafka:// is for event source mappings
        }
        String service = destination.split(":", 4)[2];
        return DESTINATION_SERVICES.contains(service) || failure && service.equals("s3");
    }

    private static String describe(String name, JsonNode destination) {
        return destination == null ? "null"
                : name + "(destination=" + destination.path("Destination").asText(null) + ")";
    }

    private static ApiException invalidDestination(String destination) {
        return ApiException.invalidParameter("The destination ARN " + destination + " is invalid.");
    }

    private static ApiException noConfig(FunctionRef ref) {
        return ApiException.notFound("The function " + ref.qualifiedArn() + " doesn't have an EventInvokeConfig");
    }

    private static ObjectNode render(FunctionRef ref, FunctionConfigStore.Config stored) {
        ObjectNode out = Json.object();
        out.put("LastModified", Timestamps.epochSeconds(stored.modifiedAt()));
        out.put("FunctionArn", ref.qualifiedArn());
        for (String member : MEMBERS.subList(0, 2)) {
            if (stored.config().has(member)) {
                out.set(member, stored.config().get(member));
            }
        }
        ObjectNode destinations = out.putObject("DestinationConfig");
        for (String kind : new String[] {"OnSuccess", "OnFailure"}) {
            ObjectNode rendered = destinations.putObject(kind);
            String destination = stored.config().path("DestinationConfig").path(kind).path("Destination")
                    .asText("");
            if (!destination.isEmpty()) {
                rendered.put("Destination", destination);
            }
        }
        return out;
    }
}
