package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.EventSourceMappingStore.Mapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Create/Get/Update/Delete/ListEventSourceMapping(s), stored and validated for SQS, Kinesis, DynamoDB Streams,
 * Amazon MSK and self-managed Kafka (see {@link EventSourceKind}), with AWS's states: {@code Creating} then
 * {@code Enabled} (or {@code Disabled} when created disabled), {@code Enabling}/{@code Disabling}/{@code Updating}
 * after an update, {@code Deleting} until the mapping is gone, computed from stored times. A mapping outlives its
 * function, as on AWS. Nothing polls a source: the emulator has no queues or streams.
 */
final class EventSourceMappingHandler {

    private static final String NO_RESOURCE = "The resource you requested does not exist.";
    private static final String ARN_PATTERN = "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:"
            + "(\\d{12})?:(.*)";
    /** In the order AWS prints them. */
    private static final List<String> STARTING_POSITIONS = List.of("LATEST", "AT_TIMESTAMP", "TRIM_HORIZON");

    private final LambdaContext ctx;
    private final FunctionTargets targets;

    EventSourceMappingHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.targets = new FunctionTargets(ctx);
    }

    ApiResponse create(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.CREATE_EVENT_SOURCE_MAPPING);
        String functionName = body.path("FunctionName").asText(null);
        new Constraints().required(functionName, "functionName").length(functionName, "functionName", 1, 256).check();
        validate(body);
        String sourceArn = body.path("EventSourceArn").asText(null);
        EventSourceKind kind = EventSourceKind.of(sourceArn, body.has("SelfManagedEventSource"));
        kind.checkTakes(body, sourceArn);
        checkKindRules(kind, body, sourceArn);
        FunctionRef ref = FunctionRef.parse(functionName, null, request.scope());
        Map<String, String> tags = TagHandler.parseTags(body.path("Tags"));
        String uuid = Ids.uuid();
        ObjectNode config = kind.defaults();
        copySettings(kind, body, config);
        if (kind == EventSourceKind.AMAZON_MSK || kind == EventSourceKind.SELF_MANAGED_KAFKA) {
            String group = kind == EventSourceKind.AMAZON_MSK ? "AmazonManagedKafkaEventSourceConfig"
                    : "SelfManagedKafkaEventSourceConfig";
            ObjectNode kafka = config.has(group) ? (ObjectNode) config.get(group) : config.putObject(group);
            kafka.put("ConsumerGroupId", kafka.path("ConsumerGroupId").asText(uuid)); // AWS's default
        }
        String source = source(kind, body);
        boolean enabled = body.path("Enabled").asBoolean(true);
        Mapping created = ctx.db().write(c -> {
            long now = ctx.now();
            ctx.eventSourceMappings().purgeDeleted(c, ref.scope(), now);
            requireFunction(c, ref);
            checkDuplicate(c, kind, ref, source, config);
            Mapping mapping = new Mapping(ref.scope(), uuid, ref.name(), ref.qualifier(), source, config,
                    enabled ? "Enabled" : "Disabled", enabled ? "Creating" : null,
                    enabled ? now + ctx.delays().activation().toMillis() : now, now);
            ctx.eventSourceMappings().put(c, mapping);
            ctx.tags().put(c, Arns.eventSourceMapping(ref.scope(), uuid), tags);
            return mapping;
        });
        return ApiResponse.json(202, render(created, created.transition() != null ? created.transition()
                : created.state()));
    }

    ApiResponse get(ApiRequest request) {
        long now = ctx.now();
        return ctx.db().read(c -> {
            Mapping mapping = find(c, request.scope(), request.path("uuid"), now);
            return ApiResponse.json(200, render(mapping, stateAt(mapping, now)));
        });
    }

    ApiResponse update(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.UPDATE_EVENT_SOURCE_MAPPING);
        new Constraints().length(body.path("FunctionName").asText(null), "functionName", 1, 256).check();
        validate(body);
        Mapping updated = ctx.db().write(c -> {
            long now = ctx.now();
            Mapping current = find(c, request.scope(), request.path("uuid"), now);
            checkNotDeleting(current);
            EventSourceKind kind = kindOf(current);
            String sourceArn = current.config().path("EventSourceArn").asText(null);
            kind.checkTakes(body, sourceArn);
            ObjectNode config = current.config().deepCopy();
            copySettings(kind, body, config);
            checkKindRules(kind, config, sourceArn);
            FunctionRef ref = new FunctionRef(current.scope(), current.function(), current.qualifier());
            if (body.has("FunctionName")) {
                ref = FunctionRef.parse(body.get("FunctionName").asText(), null, request.scope());
                requireFunction(c, ref);
            }
            boolean enabled = body.path("Enabled").asBoolean(current.state().equals("Enabled"));
            String transition = enabled == current.state().equals("Enabled") ? "Updating"
                    : enabled ? "Enabling" : "Disabling";
            Mapping mapping = new Mapping(current.scope(), current.uuid(), ref.name(), ref.qualifier(),
                    current.source(), config, enabled ? "Enabled" : "Disabled", transition,
                    now + ctx.delays().update().toMillis(), now);
            ctx.eventSourceMappings().put(c, mapping);
            return mapping;
        });
        return ApiResponse.json(202, render(updated, updated.transition()));
    }

    ApiResponse delete(ApiRequest request) {
        Mapping deleted = ctx.db().write(c -> {
            long now = ctx.now();
            Mapping current = find(c, request.scope(), request.path("uuid"), now);
            checkNotDeleting(current);
            Mapping mapping = new Mapping(current.scope(), current.uuid(), current.function(), current.qualifier(),
                    current.source(), current.config(), "Deleted", "Deleting",
                    now + ctx.delays().update().toMillis(), current.modifiedAt());
            ctx.eventSourceMappings().put(c, mapping);
            ctx.tags().removeAll(c, Arns.eventSourceMapping(current.scope(), current.uuid()));
            return mapping;
        });
        return ApiResponse.json(202, render(deleted, "Deleting"));
    }

    ApiResponse list(ApiRequest request) {
        String sourceArn = request.query("EventSourceArn");
        String functionName = request.query("FunctionName");
        new Constraints().pattern(sourceArn, "eventSourceArn", ARN_PATTERN)
                .length(functionName, "functionName", 1, 256).check();
        FunctionRef function = functionName == null ? null
                : FunctionRef.parse(functionName, null, request.scope());
        long now = ctx.now();
        List<JsonNode> items = ctx.db().read(c -> {
            List<JsonNode> result = new ArrayList<>();
            for (Mapping mapping : ctx.eventSourceMappings().list(c, request.scope())) {
                String state = stateAt(mapping, now);
                boolean matches = (sourceArn == null || sourceArn.equals(mapping.config().path("EventSourceArn")
                        .asText(null))) && (function == null || function.name().equals(mapping.function())
                        && (function.qualifier() == null || function.qualifier().equals(mapping.qualifier())));
                if (state != null && matches) {
                    result.add(render(mapping, state));
                }
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "EventSourceMappings", 100, 10_000);
        return ApiResponse.json(200, out);
    }

    private Mapping find(Connection c, Scope scope, String uuid, long now) throws SQLException {
        return ctx.eventSourceMappings().find(c, scope, uuid).filter(m -> stateAt(m, now) != null)
                .orElseThrow(() -> ApiException.notFound(NO_RESOURCE));
    }

    /** What a mapping shows at {@code now}; {@code null} once its deletion has completed. */
    private static String stateAt(Mapping mapping, long now) {
        if (!mapping.settled(now)) {
            return mapping.transition();
        }
        return mapping.state().equals("Deleted") ? null : mapping.state();
    }

    private static void checkNotDeleting(Mapping mapping) {
        if (mapping.state().equals("Deleted")) {
            throw new ApiException(400, "ResourceInUseException", "The event source mapping " + mapping.uuid()
                    + " is being deleted.");
        }
    }

    private void requireFunction(Connection c, FunctionRef ref) throws SQLException {
        if (!targets.find(c, ref).exists()) {
            throw ApiException.invalidParameter("Function does not exist");
        }
    }

    private static EventSourceKind kindOf(Mapping mapping) {
        return EventSourceKind.of(mapping.config().path("EventSourceArn").asText(null),
                mapping.config().has("SelfManagedEventSource"));
    }

    /** The settings of the request that the kind stores, over {@code config}. */
    private static void copySettings(EventSourceKind kind, JsonNode body, ObjectNode config) {
        for (var member : body.properties()) {
            if (member.getKey().equals("FilterCriteria") && member.getValue().path("Filters").isEmpty()) {
                config.remove("FilterCriteria"); // no filters: none answered (test_create_event_filter_criteria_validation)
            } else if (kind.stores(member.getKey())) {
                config.set(member.getKey(), member.getValue());
            }
        }
    }

    /** What a mapping reads, for finding duplicates: its source's ARN, or a Kafka cluster's bootstrap servers. */
    private static String source(EventSourceKind kind, JsonNode body) {
        if (kind != EventSourceKind.SELF_MANAGED_KAFKA) {
            return body.get("EventSourceArn").asText();
        }
        List<String> servers = new ArrayList<>();
        body.path("SelfManagedEventSource").path("Endpoints").path("KAFKA_BOOTSTRAP_SERVERS")
                .forEach(server -> servers.add(server.asText()));
        return String.join(",", servers);
    }

    /** A source and a function have one mapping (one per topic for Kafka), with AWS's text for each kind. */
    private void checkDuplicate(Connection c, EventSourceKind kind, FunctionRef ref, String source,
            ObjectNode config) throws SQLException {
        long now = ctx.now();
        String topic = config.path("Topics").path(0).asText("");
        for (Mapping other : ctx.eventSourceMappings().list(c, ref.scope())) {
            boolean sameSource = kind == EventSourceKind.SELF_MANAGED_KAFKA
                    ? Arrays.stream(source.split(",")).anyMatch(Arrays.asList(other.source().split(","))::contains)
                    : other.source().equals(source);
            if (stateAt(other, now) == null || !sameSource || !other.function().equals(ref.name())
                    || !topic.equals(other.config().path("Topics").path(0).asText(""))) {
                continue;
            }
            String tail = " Please update or delete the existing mapping with UUID " + other.uuid();
            throw ApiException.conflict(switch (kind) {
                case SQS -> "An event source mapping with SQS arn (\" " + source + " \") and function (\" "
                        + ref.name() + " \") already exists." + tail;
                case KINESIS, DYNAMODB_STREAMS -> "The event source arn (\" " + source + " \") and function (\" "
                        + ref.name() + " \") provided mapping already exists." + tail;
                default -> "An event source mapping with event source (\"" + source + "\"), function (\""
                        + ref.arn() + "\"), topics (\"" + topic + "\") already exists." + tail;
            });
        }
    }

    /** The API reference's constraints on the members Create and Update share. */
    private static void validate(ObjectNode body) {
        JsonNode destinations = body.path("DestinationConfig");
        String onSuccess = destinations.path("OnSuccess").path("Destination").asText(null);
        String onFailure = destinations.path("OnFailure").path("Destination").asText(null);
        new Constraints()
                .pattern(body.path("EventSourceArn").asText(null), "eventSourceArn", ARN_PATTERN)
                .range(body.get("BatchSize"), "batchSize", 1, 10_000)
                .range(body.get("MaximumBatchingWindowInSeconds"), "maximumBatchingWindowInSeconds", 0, 300)
                .range(body.get("ParallelizationFactor"), "parallelizationFactor", 1, 10)
                .oneOf(body.path("StartingPosition").asText(null), "startingPosition", STARTING_POSITIONS)
                .length(onSuccess, "destinationConfig.onSuccess.destination", 0, 350)
                .pattern(onSuccess, "destinationConfig.onSuccess.destination",
                        EventInvokeConfigHandler.DESTINATION_PATTERN)
                .length(onFailure, "destinationConfig.onFailure.destination", 0, 350)
                .pattern(onFailure, "destinationConfig.onFailure.destination",
                        EventInvokeConfigHandler.DESTINATION_PATTERN)
                .range(body.get("MaximumRecordAgeInSeconds"), "maximumRecordAgeInSeconds", -1, 604_800)
                .range(body.get("MaximumRetryAttempts"), "maximumRetryAttempts", -1, 10_000)
                .range(body.get("TumblingWindowInSeconds"), "tumblingWindowInSeconds", 0, 900)
                .size(body.get("Topics"), "topics", 1, 1)
                .items(body.get("Topics"), "topics", 1, 249, "[^.]([a-zA-Z0-9\\-_.]+)")
                .size(body.get("Queues"), "queues", 1, 1)
                .size(body.get("FunctionResponseTypes"), "functionResponseTypes", 0, 1)
                .oneOf(body.path("FunctionResponseTypes").path(0).asText(null), "functionResponseTypes",
                        List.of("ReportBatchItemFailures"))
                .size(body.get("SourceAccessConfigurations"), "sourceAccessConfigurations", 0, 22)
                .range(body.path("ScalingConfig").get("MaximumConcurrency"), "scalingConfig.maximumConcurrency", 2,
                        1000)
                .pattern(body.path("KMSKeyArn").asText(null), "kMSKeyArn", "(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()")
                .size(body.path("MetricsConfig").get("Metrics"), "metricsConfig.metrics", 0, 3)
                .oneOf(body.path("LoggingConfig").path("SystemLogLevel").asText(null), "loggingConfig.systemLogLevel",
                        List.of("DEBUG", "INFO", "WARN"))
                .range(body.path("ProvisionedPollerConfig").get("MinimumPollers"),
                        "provisionedPollerConfig.minimumPollers", 1, 200)
                .range(body.path("ProvisionedPollerConfig").get("MaximumPollers"),
                        "provisionedPollerConfig.maximumPollers", 1, 2000)
                .check();
        for (JsonNode filter : body.path("FilterCriteria").path("Filters")) {
            String pattern = filter.path("Pattern").asText(null);
            if (!isPattern(pattern)) {
                throw ApiException.invalidParameter("Invalid filter pattern definition.");
            }
        }
    }

    /**
     * Whether a filter is an event pattern: a JSON object whose members are non-empty objects of the same kind or
     * non-empty lists of values to match (EventBridge's rules), e.g. {@code {"body": {"state": ["ready"]}}}.
     */
    private static boolean isPattern(String text) {
        if (text == null) {
            return false;
        }
        try {
            JsonNode pattern = Json.read(text.getBytes(StandardCharsets.UTF_8));
            return pattern.isObject() && isPatternObject(pattern);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isPatternObject(JsonNode object) {
        for (JsonNode value : object) {
            boolean ok = value.isArray() ? !value.isEmpty() : value.isObject() && !value.isEmpty()
                    && isPatternObject(value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The rules of a kind that go beyond which members it takes, on a request or a mapping's settings. */
    private static void checkKindRules(EventSourceKind kind, JsonNode settings, String sourceArn) {
        String position = settings.path("StartingPosition").asText(null);
        if (kind.stream && position == null) {
            throw ApiException.invalidParameter("1 validation error detected: Value null at 'startingPosition' failed"
                    + " to satisfy constraint: Member must not be null.");
        }
        if ("AT_TIMESTAMP".equals(position) && kind != EventSourceKind.KINESIS
                && kind != EventSourceKind.AMAZON_MSK && kind != EventSourceKind.SELF_MANAGED_KAFKA) {
            throw ApiException.invalidParameter("Unsupported starting position for arn type: " + sourceArn);
        }
        if (kind.stream && settings.path("DestinationConfig").has("OnSuccess")) {
            throw ApiException.invalidParameter("Unsupported DestinationConfig parameter for given event source"
                    + " mapping type.");
        }
        if (kind == EventSourceKind.SQS && settings.path("BatchSize").asInt(10) > 10
                && settings.path("MaximumBatchingWindowInSeconds").asInt(0) == 0) {
            throw ApiException.invalidParameter("Maximum batch window in seconds must be greater than 0 if maximum"
                    + " batch size is greater than 10");
        }
        if (kind == EventSourceKind.SELF_MANAGED_KAFKA && !settings.has("SourceAccessConfigurations")) {
            throw ApiException.invalidParameter("Required 'sourceAccessConfigurations' parameter is missing.");
        }
        if ((kind == EventSourceKind.AMAZON_MSK || kind == EventSourceKind.SELF_MANAGED_KAFKA)
                && !settings.has("Topics")) {
            throw ApiException.invalidParameter("Required 'topics' parameter is missing.");
        }
    }

    /** A mapping as the API answers it, showing {@code state}. */
    private static ObjectNode render(Mapping mapping, String state) {
        EventSourceKind kind = kindOf(mapping);
        ObjectNode out = Json.object();
        out.put("UUID", mapping.uuid());
        out.setAll(mapping.config());
        out.put("FunctionArn", Arns.function(mapping.scope(), mapping.function(), mapping.qualifier()));
        out.put("LastModified", Timestamps.epochSeconds(mapping.modifiedAt()));
        if (kind != EventSourceKind.SQS) {
            out.put("LastProcessingResult", "No records processed");
        }
        out.put("State", state);
        out.put("StateTransitionReason", kind.transitionReason);
        out.put("EventSourceMappingArn", Arns.eventSourceMapping(mapping.scope(), mapping.uuid()));
        return out;
    }
}
