package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Json;
import java.util.List;
import java.util.Set;

/**
 * The kinds of event source a mapping can read, one entry each: the settings a kind takes, its defaults (what
 * AWS answers for a mapping created without them) and the reason its state changes are given. A setting a kind
 * does not take is refused with AWS's text; Amazon MQ and DocumentDB sources are refused as not emulated.
 */
enum EventSourceKind {

    SQS("USER_INITIATED", false, Set.of("FunctionResponseTypes", "ScalingConfig", "ProvisionedPollerConfig"),
            defaults("BatchSize", 10, "MaximumBatchingWindowInSeconds", 0, "FunctionResponseTypes", List.of())),
    KINESIS("User action", true, Settings.STREAM, streamDefaults()),
    DYNAMODB_STREAMS("User action", true, Settings.STREAM, streamDefaults()),
    AMAZON_MSK("USER_INITIATED", false, Settings.KAFKA, defaults("BatchSize", 100,
            "StartingPosition", "TRIM_HORIZON")),
    SELF_MANAGED_KAFKA("USER_INITIATED", false, Settings.KAFKA, defaults("BatchSize", 100,
            "StartingPosition", "TRIM_HORIZON"));

    /** The members of the requests, by what takes them. */
    private static final class Settings {
        static final Set<String> COMMON = Set.of("FunctionName", "Enabled", "BatchSize", "FilterCriteria",
                "MaximumBatchingWindowInSeconds", "KMSKeyArn", "MetricsConfig", "Tags", "EventSourceArn");
        static final Set<String> STREAM = Set.of("StartingPosition", "StartingPositionTimestamp",
                "ParallelizationFactor", "DestinationConfig", "MaximumRecordAgeInSeconds",
                "BisectBatchOnFunctionError", "MaximumRetryAttempts", "TumblingWindowInSeconds",
                "FunctionResponseTypes");
        static final Set<String> KAFKA = Set.of("Topics", "StartingPosition", "StartingPositionTimestamp",
                "SourceAccessConfigurations", "AmazonManagedKafkaEventSourceConfig", "SelfManagedEventSource",
                "SelfManagedKafkaEventSourceConfig", "DestinationConfig", "ProvisionedPollerConfig",
                "LoggingConfig", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "MaximumRetryAttempts",
                "FunctionResponseTypes");
        /** Taken by kinds the emulator does not store (Amazon MQ, DocumentDB). */
        static final Set<String> OTHERS = Set.of("Queues", "DocumentDBEventSourceConfig");
    }

    /** The {@code StateTransitionReason} AWS gives this kind's mappings. */
    final String transitionReason;
    /** Whether the source is a stream: {@code StartingPosition} required, destinations for failures only. */
    final boolean stream;
    private final Set<String> settings;
    private final ObjectNode defaults;

    EventSourceKind(String transitionReason, boolean stream, Set<String> settings, ObjectNode defaults) {
        this.transitionReason = transitionReason;
        this.stream = stream;
        this.settings = settings;
        this.defaults = defaults;
    }

    /** The kind of source an ARN (or a self-managed Kafka cluster) names. */
    static EventSourceKind of(String eventSourceArn, boolean selfManaged) {
        if (eventSourceArn == null) {
            if (selfManaged) {
                return SELF_MANAGED_KAFKA;
            }
            throw ApiException.invalidParameter("Unrecognized event source.");
        }
        String service = eventSourceArn.split(":", 4)[2];
        return switch (service) {
            case "sqs" -> SQS;
            case "kinesis" -> KINESIS;
            case "dynamodb" -> DYNAMODB_STREAMS;
            case "kafka" -> AMAZON_MSK;
            case "mq", "rds" -> throw ApiException.invalidParameter("Event sources of Amazon MQ and Amazon"
                    + " DocumentDB are not emulated (" + eventSourceArn + "); the emulator stores mappings of SQS,"
                    + " Kinesis, DynamoDB Streams, Amazon MSK and self-managed Kafka.");
            default -> throw ApiException.invalidParameter("Unrecognized event source.");
        };
    }

    /** Refuses a member of the request this kind does not take, as AWS does. */
    void checkTakes(JsonNode body, String eventSourceArn) {
        for (var member : body.properties()) {
            String name = member.getKey();
            boolean known = Settings.STREAM.contains(name) || Settings.KAFKA.contains(name)
                    || Settings.OTHERS.contains(name) || SQS.settings.contains(name);
            if (!known || Settings.COMMON.contains(name) || settings.contains(name)) {
                continue; // unknown members are ignored, as elsewhere
            }
            if (name.equals("StartingPosition") || name.equals("StartingPositionTimestamp")) {
                throw ApiException.invalidParameter("Unsupported starting position for arn type: " + eventSourceArn);
            }
            throw ApiException.invalidParameter("Unsupported " + name + " parameter for given event source mapping"
                    + " type.");
        }
    }

    /** Whether a mapping of this kind stores {@code member} as one of its settings. */
    boolean stores(String member) {
        return settings.contains(member) || Settings.COMMON.contains(member) && !member.equals("FunctionName")
                && !member.equals("Enabled") && !member.equals("Tags");
    }

    /** The settings of a new mapping of this kind, before the request's. */
    ObjectNode defaults() {
        return defaults.deepCopy();
    }

    private static ObjectNode streamDefaults() {
        ObjectNode defaults = defaults("BatchSize", 100, "BisectBatchOnFunctionError", false,
                "MaximumBatchingWindowInSeconds", 0, "MaximumRecordAgeInSeconds", -1, "MaximumRetryAttempts", -1,
                "ParallelizationFactor", 1, "TumblingWindowInSeconds", 0, "FunctionResponseTypes", List.of());
        defaults.putObject("DestinationConfig").putObject("OnFailure");
        return defaults;
    }

    private static ObjectNode defaults(Object... namesAndValues) {
        ObjectNode defaults = Json.object();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value instanceof Integer number) {
                defaults.put(name, number);
            } else if (value instanceof Boolean flag) {
                defaults.put(name, flag);
            } else if (value instanceof List<?>) {
                defaults.putArray(name);
            } else {
                defaults.put(name, (String) value);
            }
        }
        return defaults;
    }
}
