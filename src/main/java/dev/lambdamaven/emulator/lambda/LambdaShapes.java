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
