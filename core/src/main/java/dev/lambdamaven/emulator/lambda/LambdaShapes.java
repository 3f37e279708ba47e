package dev.lambdamaven.emulator.lambda;

import static dev.lambdamaven.emulator.http.JsonShape.BINARY;
import static dev.lambdamaven.emulator.http.JsonShape.BOOLEAN;
import static dev.lambdamaven.emulator.http.JsonShape.DOUBLE;
import static dev.lambdamaven.emulator.http.JsonShape.INTEGER;
import static dev.lambdamaven.emulator.http.JsonShape.STRING;
import static dev.lambdamaven.emulator.http.JsonShape.listOf;
import static dev.lambdamaven.emulator.http.JsonShape.mapOf;
import static dev.lambdamaven.emulator.http.JsonShape.request;
import static dev.lambdamaven.emulator.http.JsonShape.struct;

import dev.lambdamaven.emulator.http.JsonShape;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request bodies of the Lambda API, as the API reference types their members, with AWS's size limits. */
final class LambdaShapes {

    /**
     * AWS's bound on a request that carries a package (a 50 MB zip, base64 in JSON, and 256 KB more): "Request must
     * be smaller than 70167211 bytes for the CreateFunction operation", recorded on AWS on 2025-11-25 in LocalStack's
     * test_lambda_api.snapshot.json (test_oversized_request_create_lambda); 69905067 in answers quoted until 2023.
     */
    static final long MAX_CODE_REQUEST = 70_167_211L;

    private static final JsonShape STRINGS = listOf(STRING);
    private static final JsonShape STRING_MAP = mapOf(STRING);

    private static final JsonShape VPC_CONFIG = struct("VpcConfig", Map.of(
            "SubnetIds", STRINGS, "SecurityGroupIds", STRINGS, "Ipv6AllowedForDualStack", BOOLEAN));
    private static final JsonShape ENVIRONMENT = struct("Environment", Map.of("Variables", STRING_MAP));
    private static final JsonShape ROUTING = struct("AliasRoutingConfiguration",
            Map.of("AdditionalVersionWeights", mapOf(DOUBLE)));

    /** The settings CreateFunction and UpdateFunctionConfiguration share. */
    private static final Map<String, JsonShape> SETTINGS = members(
            "Role", STRING, "Handler", STRING, "Description", STRING, "Timeout", INTEGER, "MemorySize", INTEGER,
            "VpcConfig", VPC_CONFIG, "Environment", ENVIRONMENT, "Runtime", STRING,
            "DeadLetterConfig", struct("DeadLetterConfig", Map.of("TargetArn", STRING)),
            "KMSKeyArn", STRING, "TracingConfig", struct("TracingConfig", Map.of("Mode", STRING)),
            "Layers", STRINGS,
            "FileSystemConfigs", listOf(struct("FileSystemConfig", Map.of("Arn", STRING, "LocalMountPath", STRING))),
            "ImageConfig", struct("ImageConfig", Map.of("EntryPoint", STRINGS, "Command", STRINGS,
                    "WorkingDirectory", STRING)),
            "EphemeralStorage", struct("EphemeralStorage", Map.of("Size", INTEGER)),
            "SnapStart", struct("SnapStart", Map.of("ApplyOn", STRING)),
            "LoggingConfig", struct("LoggingConfig", Map.of("LogFormat", STRING, "ApplicationLogLevel", STRING,
                    "SystemLogLevel", STRING, "LogGroup", STRING)));

    static final JsonShape.Struct CREATE_FUNCTION = request("CreateFunctionRequest", MAX_CODE_REQUEST, with(SETTINGS,
            "FunctionName", STRING, "Publish", BOOLEAN, "PackageType", STRING, "Tags", STRING_MAP,
            "CodeSigningConfigArn", STRING, "Architectures", STRINGS,
            "Code", struct("FunctionCode", members("ZipFile", BINARY, "S3Bucket", STRING, "S3Key", STRING,
                    "S3ObjectVersion", STRING, "ImageUri", STRING, "SourceKMSKeyArn", STRING))));

    static final JsonShape.Struct UPDATE_FUNCTION_CONFIGURATION = struct("UpdateFunctionConfigurationRequest",
            with(SETTINGS, "RevisionId", STRING));

    static final JsonShape.Struct UPDATE_FUNCTION_CODE = request("UpdateFunctionCodeRequest", MAX_CODE_REQUEST,
            members("ZipFile", BINARY, "S3Bucket", STRING, "S3Key", STRING, "S3ObjectVersion", STRING, "ImageUri", STRING,
            "Publish", BOOLEAN, "DryRun", BOOLEAN, "RevisionId", STRING, "Architectures", STRINGS,
            "SourceKMSKeyArn", STRING));

    static final JsonShape.Struct PUBLISH_VERSION = struct("PublishVersionRequest", Map.of(
            "CodeSha256", STRING, "Description", STRING, "RevisionId", STRING));

    static final JsonShape.Struct CREATE_ALIAS = struct("CreateAliasRequest", Map.of(
            "Name", STRING, "FunctionVersion", STRING, "Description", STRING, "RoutingConfig", ROUTING));

    static final JsonShape.Struct UPDATE_ALIAS = struct("UpdateAliasRequest", Map.of(
            "FunctionVersion", STRING, "Description", STRING, "RoutingConfig", ROUTING, "RevisionId", STRING));

    static final JsonShape.Struct PUBLISH_LAYER_VERSION = request("PublishLayerVersionRequest", MAX_CODE_REQUEST,
            Map.of(
            "Description", STRING, "CompatibleRuntimes", STRINGS, "LicenseInfo", STRING,
            "CompatibleArchitectures", STRINGS,
            "Content", struct("LayerVersionContentInput", Map.of("S3Bucket", STRING, "S3Key", STRING,
                    "S3ObjectVersion", STRING, "ZipFile", BINARY))));

    static final JsonShape.Struct ADD_LAYER_VERSION_PERMISSION = struct("AddLayerVersionPermissionRequest", Map.of(
            "StatementId", STRING, "Action", STRING, "Principal", STRING, "OrganizationId", STRING));

    static final JsonShape.Struct TAG_RESOURCE = struct("TagResourceRequest", Map.of("Tags", STRING_MAP));

    static final JsonShape.Struct PUT_FUNCTION_CONCURRENCY = struct("PutFunctionConcurrencyRequest",
            Map.of("ReservedConcurrentExecutions", INTEGER));

    static final JsonShape.Struct ADD_PERMISSION = struct("AddPermissionRequest", members(
            "StatementId", STRING, "Action", STRING, "Principal", STRING, "SourceArn", STRING,
            "SourceAccount", STRING, "EventSourceToken", STRING, "RevisionId", STRING, "PrincipalOrgID", STRING,
            "FunctionUrlAuthType", STRING, "InvokedViaFunctionUrl", BOOLEAN));

    private static final JsonShape DESTINATION_CONFIG = struct("DestinationConfig", Map.of(
            "OnSuccess", struct("OnSuccess", Map.of("Destination", STRING)),
            "OnFailure", struct("OnFailure", Map.of("Destination", STRING))));

    /** PutFunctionEventInvokeConfig's and UpdateFunctionEventInvokeConfig's body. */
    static final JsonShape.Struct EVENT_INVOKE_CONFIG = struct("PutFunctionEventInvokeConfigRequest", Map.of(
            "MaximumRetryAttempts", INTEGER, "MaximumEventAgeInSeconds", INTEGER,
            "DestinationConfig", DESTINATION_CONFIG));

    private static final JsonShape CORS = struct("Cors", Map.of("AllowCredentials", BOOLEAN,
            "AllowHeaders", STRINGS, "AllowMethods", STRINGS, "AllowOrigins", STRINGS, "ExposeHeaders", STRINGS,
            "MaxAge", INTEGER));

    /** CreateFunctionUrlConfig's and UpdateFunctionUrlConfig's body. */
    static final JsonShape.Struct FUNCTION_URL_CONFIG = struct("CreateFunctionUrlConfigRequest", Map.of(
            "AuthType", STRING, "Cors", CORS, "InvokeMode", STRING));

    static final JsonShape.Struct PUT_PROVISIONED_CONCURRENCY = struct("PutProvisionedConcurrencyConfigRequest",
            Map.of("ProvisionedConcurrentExecutions", INTEGER));

    static final JsonShape.Struct PUT_RECURSION_CONFIG = struct("PutFunctionRecursionConfigRequest",
            Map.of("RecursiveLoop", STRING));

    static final JsonShape.Struct PUT_RUNTIME_MANAGEMENT = struct("PutRuntimeManagementConfigRequest",
            Map.of("UpdateRuntimeOn", STRING, "RuntimeVersionArn", STRING));

    private static final JsonShape ALLOWED_PUBLISHERS = struct("AllowedPublishers",
            Map.of("SigningProfileVersionArns", STRINGS));
    private static final JsonShape CODE_SIGNING_POLICIES = struct("CodeSigningPolicies",
            Map.of("UntrustedArtifactOnDeployment", STRING));

    static final JsonShape.Struct CREATE_CODE_SIGNING_CONFIG = struct("CreateCodeSigningConfigRequest", Map.of(
            "Description", STRING, "AllowedPublishers", ALLOWED_PUBLISHERS, "CodeSigningPolicies",
            CODE_SIGNING_POLICIES, "Tags", STRING_MAP));

    static final JsonShape.Struct UPDATE_CODE_SIGNING_CONFIG = struct("UpdateCodeSigningConfigRequest", Map.of(
            "Description", STRING, "AllowedPublishers", ALLOWED_PUBLISHERS, "CodeSigningPolicies",
            CODE_SIGNING_POLICIES));

    static final JsonShape.Struct PUT_FUNCTION_CODE_SIGNING_CONFIG = struct("PutFunctionCodeSigningConfigRequest",
            Map.of("CodeSigningConfigArn", STRING));

    private static final JsonShape KAFKA_CONFIG = struct("AmazonManagedKafkaEventSourceConfig", Map.of(
            "ConsumerGroupId", STRING, "SchemaRegistryConfig", struct("KafkaSchemaRegistryConfig", Map.of(
                    "SchemaRegistryURI", STRING, "EventRecordFormat", STRING,
                    "AccessConfigs", listOf(struct("KafkaSchemaRegistryAccessConfig", Map.of("Type", STRING,
                            "URI", STRING))),
                    "SchemaValidationConfigs", listOf(struct("KafkaSchemaValidationConfig",
                            Map.of("Attribute", STRING)))))));

    /** The settings CreateEventSourceMapping and UpdateEventSourceMapping share. */
    private static final Map<String, JsonShape> MAPPING_SETTINGS = members(
            "FunctionName", STRING, "Enabled", BOOLEAN, "BatchSize", INTEGER,
            "FilterCriteria", struct("FilterCriteria", Map.of("Filters", listOf(struct("Filter",
                    Map.of("Pattern", STRING))))),
            "MaximumBatchingWindowInSeconds", INTEGER, "ParallelizationFactor", INTEGER,
            "DestinationConfig", DESTINATION_CONFIG, "MaximumRecordAgeInSeconds", INTEGER,
            "BisectBatchOnFunctionError", BOOLEAN, "MaximumRetryAttempts", INTEGER,
            "TumblingWindowInSeconds", INTEGER,
            "SourceAccessConfigurations", listOf(struct("SourceAccessConfiguration", Map.of("Type", STRING,
                    "URI", STRING))),
            "FunctionResponseTypes", STRINGS,
            "ScalingConfig", struct("ScalingConfig", Map.of("MaximumConcurrency", INTEGER)),
            "AmazonManagedKafkaEventSourceConfig", KAFKA_CONFIG,
            "SelfManagedKafkaEventSourceConfig", KAFKA_CONFIG,
            "DocumentDBEventSourceConfig", struct("DocumentDBEventSourceConfig", Map.of("DatabaseName", STRING,
                    "CollectionName", STRING, "FullDocument", STRING)),
            "KMSKeyArn", STRING,
            "MetricsConfig", struct("EventSourceMappingMetricsConfig", Map.of("Metrics", STRINGS)),
            "LoggingConfig", struct("EventSourceMappingLoggingConfig", Map.of("SystemLogLevel", STRING)),
            "ProvisionedPollerConfig", struct("ProvisionedPollerConfig", Map.of("MinimumPollers", INTEGER,
                    "MaximumPollers", INTEGER, "PollerGroupName", STRING)));

    static final JsonShape.Struct CREATE_EVENT_SOURCE_MAPPING = struct("CreateEventSourceMappingRequest",
            with(MAPPING_SETTINGS, "EventSourceArn", STRING, "StartingPosition", STRING,
                    "StartingPositionTimestamp", DOUBLE, "Tags", STRING_MAP, "Topics", STRINGS, "Queues", STRINGS,
                    "SelfManagedEventSource", struct("SelfManagedEventSource",
                            Map.of("Endpoints", mapOf(STRINGS)))));

    static final JsonShape.Struct UPDATE_EVENT_SOURCE_MAPPING = struct("UpdateEventSourceMappingRequest",
            MAPPING_SETTINGS);

    private LambdaShapes() {}

    private static Map<String, JsonShape> members(Object... nameShapePairs) {
        return with(Map.of(), nameShapePairs);
    }

    private static Map<String, JsonShape> with(Map<String, JsonShape> base, Object... nameShapePairs) {
        Map<String, JsonShape> members = new LinkedHashMap<>(base);
        for (int i = 0; i < nameShapePairs.length; i += 2) {
            members.put((String) nameShapePairs[i], (JsonShape) nameShapePairs[i + 1]);
        }
        return members;
    }
}
