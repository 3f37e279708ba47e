package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsErrors.ARN;
import static dev.lambdamaven.emulator.AwsErrors.assertAwsError;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.SourceAccessType;

/**
 * Create/Get/Update/Delete/ListEventSourceMapping(s) through the SDK, against AWS's answers recorded in LocalStack's
 * {@code test_lambda_api.snapshot.json} (TestLambdaEventSourceMappings::*, TestLambdaTag::*, November 2025) and in
 * {@code event_source_mapping/test_lambda_integration_{sqs,dynamodbstreams}.snapshot.json} (November 2025; the
 * self-managed Kafka cases from 03-09-2024). Nothing polls the sources: these are the control plane's answers.
 */
class EventSourceMappingApiTest extends EmulatorTestBase {

    private static final String FN = ARN + "function:fn";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:somequeue";
    private static final String TABLE_STREAM = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/"
            + "2025-11-25T02:47:00.000";
    private static final String KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";

    @BeforeEach
    void createFunction() {
        lambda.createFunction(createRequest("fn", zip("a", "1")).publish(true).build());
        lambda.createAlias(b -> b.functionName("fn").name("myalias").functionVersion("1"));
    }

    private EventSourceMappingConfiguration sqs(String functionName) {
        var created = lambda.createEventSourceMapping(b -> b.functionName(functionName).eventSourceArn(QUEUE));
        return EventSourceMappingConfiguration.builder().uuid(created.uuid()).functionArn(created.functionArn())
                .state(created.state()).build();
    }

    /** TestLambdaEventSourceMappings::test_event_source_mapping_exceptions (27-11-2025). */
    @Test
    void answersAwsErrors() {
        String unknown = "c2a6d66e-0f39-4a2d-9a58-5f3b1cf0d1a7";
        for (var call : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> lambda.getEventSourceMapping(b -> b.uuid(unknown)),
                () -> lambda.deleteEventSourceMapping(b -> b.uuid(unknown)),
                () -> lambda.updateEventSourceMapping(b -> b.uuid(unknown).enabled(false)))) {
            assertAwsError(call, 404, "ResourceNotFoundException", "The resource you requested does not exist.");
        }
        assertThat(lambda.listEventSourceMappings(b -> { }).eventSourceMappings()).isEmpty();
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("doesnotexist")).eventSourceMappings()).isEmpty();
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(QUEUE)).eventSourceMappings()).isEmpty();
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("doesnotexist")), 400,
                "InvalidParameterValueException", "Unrecognized event source.");
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("doesnotexist").eventSourceArn(QUEUE)),
                400, "InvalidParameterValueException", "Function does not exist");
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("doesnotexist").eventSourceArn(QUEUE)
                .destinationConfig(d -> d.onSuccess(s -> s.destination(QUEUE + "-other")))), 400,
                "InvalidParameterValueException", "Unsupported DestinationConfig parameter for given event source"
                        + " mapping type.");
    }

    /** TestLambdaEventSourceMappings::test_function_name_variations (25-11-2025): SQS mappings and their names. */
    @Test
    void mapsQueuesToFunctionsVersionsAndAliases() {
        var created = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE));
        assertThat(created.batchSize()).isEqualTo(10);
        assertThat(created.maximumBatchingWindowInSeconds()).isZero();
        assertThat(created.functionResponseTypes()).isEmpty();
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.stateTransitionReason()).isEqualTo("USER_INITIATED");
        assertThat(created.eventSourceArn()).isEqualTo(QUEUE);
        assertThat(created.functionArn()).isEqualTo(FN);
        assertThat(created.eventSourceMappingArn()).isEqualTo(ARN + "event-source-mapping:" + created.uuid());
        assertThat(created.lastModified()).isBefore(Instant.now().plusSeconds(1));
        assertThat(created.startingPosition()).isNull();
        assertThat(created.lastProcessingResult()).isNull();
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Enabled");
        assertThat(lambda.deleteEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Deleting");
        for (String[] nameAndArn : new String[][] {{"fn:$LATEST", FN + ":$LATEST"}, {"fn:1", FN + ":1"},
                {"fn:myalias", FN + ":myalias"}, {FN, FN}, {FN + ":1", FN + ":1"}, {FN + ":myalias", FN + ":myalias"}}) {
            var mapping = sqs(nameAndArn[0]);
            assertThat(mapping.functionArn()).isEqualTo(nameAndArn[1]);
            lambda.deleteEventSourceMapping(b -> b.uuid(mapping.uuid()));
        }
        assertThat(lambda.listEventSourceMappings(b -> { }).eventSourceMappings()).isEmpty();
    }

    /** TestLambdaEventSourceMappings::test_event_source_mapping_lifecycle and ..._delete_function (25-11-2025). */
    @Test
    void mapsStreamsWithTheirDefaultsAndOutlivesTheFunction() {
        String failures = "arn:aws:sqs:us-east-1:123456789012:failures";
        var created = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(TABLE_STREAM)
                .destinationConfig(d -> d.onFailure(f -> f.destination(failures))).batchSize(1)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).maximumBatchingWindowInSeconds(1)
                .maximumRetryAttempts(1));
        assertThat(created.batchSize()).isEqualTo(1);
        assertThat(created.bisectBatchOnFunctionError()).isFalse();
        assertThat(created.destinationConfig().onFailure().destination()).isEqualTo(failures);
        assertThat(created.functionResponseTypes()).isEmpty();
        assertThat(created.lastProcessingResult()).isEqualTo("No records processed");
        assertThat(created.maximumBatchingWindowInSeconds()).isEqualTo(1);
        assertThat(created.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(created.maximumRetryAttempts()).isEqualTo(1);
        assertThat(created.parallelizationFactor()).isEqualTo(1);
        assertThat(created.startingPosition()).isEqualTo(EventSourcePosition.TRIM_HORIZON);
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.stateTransitionReason()).isEqualTo("User action");
        assertThat(created.tumblingWindowInSeconds()).isZero();
        var active = lambda.getEventSourceMapping(b -> b.uuid(created.uuid()));
        assertThat(active.state()).isEqualTo("Enabled");
        lambda.deleteFunction(b -> b.functionName("fn"));
        var orphan = lambda.getEventSourceMapping(b -> b.uuid(created.uuid()));
        assertThat(orphan.state()).isEqualTo("Enabled");
        assertThat(orphan.functionArn()).isEqualTo(FN);
        assertThat(lambda.deleteEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Deleting");
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(KINESIS)
                .startingPosition(EventSourcePosition.LATEST)), 400, "InvalidParameterValueException",
                "Function does not exist");
    }

    /** TestLambdaEventSourceMappings::test_create_event_source_validation (and _kinesis), 25-11-2025. */
    @Test
    void streamsNeedAStartingPosition() {
        for (String stream : new String[] {TABLE_STREAM, KINESIS}) {
            assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)), 400,
                    "InvalidParameterValueException", "1 validation error detected: Value null at 'startingPosition'"
                            + " failed to satisfy constraint: Member must not be null.");
            assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                    .startingPosition("invalid")), 400, "ValidationException", "1 validation error detected: Value"
                            + " 'invalid' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum"
                            + " value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]");
        }
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(TABLE_STREAM)
                .startingPosition(EventSourcePosition.AT_TIMESTAMP).startingPositionTimestamp(Instant.ofEpochSecond(
                        1741010802))), 400, "InvalidParameterValueException", "Unsupported starting position for arn"
                                + " type: " + TABLE_STREAM);
        var atTime = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(KINESIS)
                .startingPosition(EventSourcePosition.AT_TIMESTAMP).startingPositionTimestamp(Instant.ofEpochSecond(
                        1741010802)));
        assertThat(atTime.startingPositionTimestamp()).isEqualTo(Instant.ofEpochSecond(1741010802));
    }

    /** test_lambda_integration_sqs: test_event_source_mapping_default_batch_size, test_sqs_invalid_event_filter,
     * test_duplicate_event_source_mappings; dynamodbstreams: test_duplicate_event_source_mappings (25-11-2025). */
    @Test
    void checksSqsRulesFiltersAndDuplicates() {
        String window = "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10";
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE)
                .batchSize(15)), 400, "InvalidParameterValueException", window);
        var created = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE));
        assertAwsError(() -> lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).batchSize(15)), 400,
                "InvalidParameterValueException", window);
        assertThat(lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).batchSize(15)
                .maximumBatchingWindowInSeconds(1)).batchSize()).isEqualTo(15);
        for (String pattern : new String[] {"null", "\"simple string\"", "{\"eventSource\": \"aws:sqs\"}",
                "{\"eventSource\": []}"}) {
            assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE + "2")
                    .filterCriteria(f -> f.filters(p -> p.pattern(pattern)))), 400, "InvalidParameterValueException",
                    "Invalid filter pattern definition.");
        }
        var filtered = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE + "2")
                .filterCriteria(f -> f.filters(p -> p.pattern("{\"body\": {\"state\": [\"ready\"]}}"))));
        assertThat(filtered.filterCriteria().filters().get(0).pattern()).isEqualTo("{\"body\": {\"state\": [\"ready\"]}}");
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE)), 409,
                "ResourceConflictException", "An event source mapping with SQS arn (\" " + QUEUE + " \") and function"
                        + " (\" fn \") already exists. Please update or delete the existing mapping with UUID "
                        + created.uuid());
        var stream = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(TABLE_STREAM)
                .startingPosition(EventSourcePosition.LATEST));
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(TABLE_STREAM)
                .startingPosition(EventSourcePosition.LATEST)), 409, "ResourceConflictException", "The event source"
                        + " arn (\" " + TABLE_STREAM + " \") and function (\" fn \") provided mapping already exists."
                        + " Please update or delete the existing mapping with UUID " + stream.uuid());
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE + "3")
                .startingPosition(EventSourcePosition.LATEST)), 400, "InvalidParameterValueException",
                "Unsupported starting position for arn type: " + QUEUE + "3");
        assertAwsError(() -> lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE + "3")
                .parallelizationFactor(2)), 400, "InvalidParameterValueException", "Unsupported ParallelizationFactor"
                        + " parameter for given event source mapping type.");
    }

    /** test_lambda_integration_sqs::test_fifo_message_group_parallelism and dynamodbstreams'
     * test_disabled_dynamodb_event_source_mapping (25-11-2025). */
    @Test
    void createsDisabledAndEnablesLater() {
        var disabled = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE).enabled(false)
                .batchSize(1));
        assertThat(disabled.state()).isEqualTo("Disabled");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(disabled.uuid())).state()).isEqualTo("Disabled");
        assertThat(lambda.updateEventSourceMapping(b -> b.uuid(disabled.uuid()).enabled(true)).state())
                .isEqualTo("Enabling");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(disabled.uuid())).state()).isEqualTo("Enabled");
        var moved = lambda.updateEventSourceMapping(b -> b.uuid(disabled.uuid()).functionName(FN + ":1"));
        assertThat(moved.state()).isEqualTo("Updating");
        assertThat(moved.functionArn()).isEqualTo(FN + ":1");
        assertThat(moved.batchSize()).isEqualTo(1);
        var stream = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(TABLE_STREAM)
                .startingPosition(EventSourcePosition.LATEST));
        assertThat(lambda.updateEventSourceMapping(b -> b.uuid(stream.uuid()).enabled(false)).state())
                .isEqualTo("Disabling");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(stream.uuid())).state()).isEqualTo("Disabled");
        assertAwsError(() -> lambda.updateEventSourceMapping(b -> b.uuid(stream.uuid()).functionName("doesnotexist")),
                400, "InvalidParameterValueException", "Function does not exist");
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("fn:1")).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).containsExactly(disabled.uuid());
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("fn")).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).containsExactly(disabled.uuid(), stream.uuid());
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(TABLE_STREAM)).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).containsExactly(stream.uuid());
        var page = lambda.listEventSourceMappings(b -> b.maxItems(1));
        assertThat(lambda.listEventSourceMappings(b -> b.maxItems(1).marker(page.nextMarker())).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).containsExactly(stream.uuid());
    }

    /** test_lambda_integration_sqs::test_create_event_source_self_managed (03-09-2024). */
    @Test
    void mapsSelfManagedKafka() {
        String secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-credentials";
        CreateEventSourceMappingRequest.Builder kafka = CreateEventSourceMappingRequest.builder().functionName("fn")
                .topics("topic").selfManagedEventSource(s -> s.endpointsWithStrings(Map.of("KAFKA_BOOTSTRAP_SERVERS",
                        List.of("kafka:1000"))));
        assertAwsError(() -> lambda.createEventSourceMapping(kafka.build()), 400, "InvalidParameterValueException",
                "Required 'sourceAccessConfigurations' parameter is missing.");
        kafka.sourceAccessConfigurations(a -> a.type(SourceAccessType.BASIC_AUTH).uri(secret));
        var created = lambda.createEventSourceMapping(kafka.build());
        assertThat(created.batchSize()).isEqualTo(100);
        assertThat(created.startingPosition()).isEqualTo(EventSourcePosition.TRIM_HORIZON);
        assertThat(created.selfManagedKafkaEventSourceConfig().consumerGroupId()).isEqualTo(created.uuid());
        assertThat(created.stateTransitionReason()).isEqualTo("USER_INITIATED");
        assertThat(created.lastProcessingResult()).isEqualTo("No records processed");
        assertThat(created.topics()).containsExactly("topic");
        assertThat(created.sourceAccessConfigurations().get(0).uri()).isEqualTo(secret);
        assertThat(created.eventSourceArn()).isNull();
        assertAwsError(() -> lambda.createEventSourceMapping(kafka.build()), 409, "ResourceConflictException",
                "An event source mapping with event source (\"kafka:1000\"), function (\"" + FN + "\"), topics"
                        + " (\"topic\") already exists. Please update or delete the existing mapping with UUID "
                        + created.uuid());
        var other = lambda.createEventSourceMapping(kafka.topics("topic_2").batchSize(1).startingPosition(
                EventSourcePosition.LATEST).selfManagedKafkaEventSourceConfig(k -> k.consumerGroupId("random_id"))
                .build());
        assertThat(other.selfManagedKafkaEventSourceConfig().consumerGroupId()).isEqualTo("random_id");
        assertAwsError(() -> lambda.createEventSourceMapping(kafka.topics("topic").selfManagedEventSource(s ->
                s.endpointsWithStrings(Map.of("KAFKA_BOOTSTRAP_SERVERS", List.of("kafka:1000", "kafka:2000")))).build()), 409,
                "ResourceConflictException", "An event source mapping with event source (\"kafka:1000,kafka:2000\"),"
                        + " function (\"" + FN + "\"), topics (\"topic\") already exists. Please update or delete the"
                        + " existing mapping with UUID " + created.uuid());
    }

    /** TestLambdaTag::test_create_tag_on_esm_create, ::test_tag_lifecycle[event_source_mapping] and
     * ::test_tag_exceptions[event_source_mapping] (25-11-2025). */
    @Test
    void mappingsTakeTags() {
        var created = lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE)
                .tags(Map.of("testtag", "value")));
        String arn = created.eventSourceMappingArn();
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsOnly(Map.entry("testtag", "value"));
        lambda.tagResource(b -> b.resource(arn).tags(Map.of("A", "tag-a")));
        lambda.untagResource(b -> b.resource(arn).tagKeys("testtag", "nonexisting"));
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsOnly(Map.entry("A", "tag-a"));
        String missing = ARN + "event-source-mapping:c2a6d66e-0f39-4a2d-9a58-5f3b1cf0d1a7";
        assertAwsError(() -> lambda.tagResource(b -> b.resource(missing).tags(Map.of("A", "b"))), 404,
                "ResourceNotFoundException", "Event source mapping not found: " + missing);
        assertAwsError(() -> lambda.untagResource(b -> b.resource(missing).tagKeys("A")), 404,
                "ResourceNotFoundException", "Event source mapping not found: " + missing);
        assertAwsError(() -> lambda.listTags(b -> b.resource(missing)), 404, "ResourceNotFoundException",
                "Event source mapping not found: " + missing);
        assertAwsError(() -> lambda.listTags(b -> b.resource(arn + ":alias")), 400, "ValidationException",
                "1 validation error detected: Value '" + arn + ":alias' at 'resource' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}"
                        + "((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|"
                        + "[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|code-signing-config:csc-[a-z0-9]{17}|"
                        + "event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                        + "[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)");
        lambda.deleteEventSourceMapping(b -> b.uuid(created.uuid()));
        assertAwsError(() -> lambda.listTags(b -> b.resource(arn)), 404, "ResourceNotFoundException",
                "Event source mapping not found: " + arn);
    }

    /** The states in between, with AWS-like delays: Creating, Deleting and a mapping in use while it is deleted. */
    @Test
    void showsStatesInBetween(@TempDir Path other) throws Exception {
        try (Emulator slow = Emulator.start(EmulatorFixture.options(other).activationDelay(Duration.ofHours(1))
                .updateDelay(Duration.ofHours(1)).build()); LambdaClient client = EmulatorFixture.lambda(slow)) {
            client.createFunction(createRequest("fn", zip("a", "1")).build());
            var created = client.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(QUEUE));
            assertThat(client.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Creating");
            client.deleteEventSourceMapping(b -> b.uuid(created.uuid()));
            assertThat(client.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Deleting");
            assertThat(client.listEventSourceMappings(b -> { }).eventSourceMappings())
                    .extracting(EventSourceMappingConfiguration::state).containsExactly("Deleting");
            assertAwsError(() -> client.updateEventSourceMapping(b -> b.uuid(created.uuid()).batchSize(5)), 400,
                    "ResourceInUseException", "The event source mapping " + created.uuid() + " is being deleted.");
        }
    }
}
