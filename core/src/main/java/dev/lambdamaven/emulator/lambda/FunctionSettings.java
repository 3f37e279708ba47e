package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.ec2.VpcCatalog;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies the configuration fields of a CreateFunction or UpdateFunctionConfiguration request onto a stored
 * configuration, validating each with AWS's limits. Only fields present in the request change.
 */
final class FunctionSettings {

    /** A stored field (not answered as such): an {@code Environment} was given, so it is answered even when empty. */
    static final String ENVIRONMENT_GIVEN = "_EnvironmentGiven";

    /** What applying a request produced besides the configuration itself. */
    static final class Outcome {
        Map<String, String> environment; // null: not in the request
        VpcCatalog.Placement placement;  // null: no VPC change
    }

    private final LambdaContext ctx;
    private final LayerResolver layers;

    FunctionSettings(LambdaContext ctx) {
        this.ctx = ctx;
        this.layers = new LayerResolver(ctx);
    }

    /** Defaults of a new function. */
    static void defaults(ObjectNode config) {
        config.put("Description", "");
        config.put("Timeout", 3);
        config.put("MemorySize", 128);
        config.putArray("Architectures").add("x86_64");
        config.putObject("EphemeralStorage").put("Size", 512);
        config.putObject("TracingConfig").put("Mode", "PassThrough");
    }

    /**
     * The front end's constraints on the settings CreateFunction and UpdateFunctionConfiguration share, with the
     * member paths AWS names ({@code memorySize}, {@code vpcConfig.subnetIds}, {@code kMSKeyArn}, ...).
     */
    static void check(Violations v, JsonNode request) {
        v.string("role", text(request, "Role"), Validation.ROLE)
                .string("handler", text(request, "Handler"), Validation.HANDLER)
                .string("description", text(request, "Description"), Validation.DESCRIPTION)
                // no maximum in the model; AWS's "Value '3000' at 'timeout' ... less than or equal to 900" is quoted
                // in https://github.com/covidatlas/li/pull/575
                .range("timeout", request.get("Timeout"), 1, Validation.MAX_TIMEOUT)
                .range("memorySize", request.get("MemorySize"), 128, 32_768);
        JsonNode vpc = request.path("VpcConfig");
        v.size("vpcConfig.subnetIds", vpc.get("SubnetIds"), 0, 16)
                .eachMember("vpcConfig.subnetIds", vpc.get("SubnetIds"), Validation.SUBNET_ID::accepts,
                        Validation.SUBNET_ID.described(false))
                .size("vpcConfig.securityGroupIds", vpc.get("SecurityGroupIds"), 0, 5)
                .eachMember("vpcConfig.securityGroupIds", vpc.get("SecurityGroupIds"),
                        Validation.SECURITY_GROUP_ID::accepts, Validation.SECURITY_GROUP_ID.described(false));
        for (Map.Entry<String, JsonNode> variable : request.path("Environment").path("Variables").properties()) {
            if (!Validation.ENV_KEY.matcher(variable.getKey()).matches()) {
                // the variables are never echoed: a value may be a secret
                v.add("****", "environment.variables", "Map keys must satisfy constraint:"
                        + " [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]");
                break;
            }
        }
        v.string("deadLetterConfig.targetArn", text(request.path("DeadLetterConfig"), "TargetArn"),
                        Validation.RESOURCE_ARN)
                .string("kMSKeyArn", text(request, "KMSKeyArn"), Validation.KMS_KEY_ARN)
                .oneOf("tracingConfig.mode", text(request.path("TracingConfig"), "Mode"), Validation.TRACING_MODES)
                .eachMember("layers", request.get("Layers"), Validation.LAYER_VERSION_ARN::accepts,
                        Validation.LAYER_VERSION_ARN.described(true))
                .size("fileSystemConfigs", request.get("FileSystemConfigs"), 0, 1);
        int index = 1;
        for (JsonNode fileSystem : request.path("FileSystemConfigs")) {
            String prefix = "fileSystemConfigs." + index++ + ".member.";
            v.required(prefix + "arn", fileSystem.get("Arn"))
                    .string(prefix + "arn", text(fileSystem, "Arn"), Validation.FILE_SYSTEM_ARN)
                    .required(prefix + "localMountPath", fileSystem.get("LocalMountPath"))
                    .string(prefix + "localMountPath", text(fileSystem, "LocalMountPath"), Validation.LOCAL_MOUNT_PATH);
        }
        JsonNode image = request.path("ImageConfig");
        v.size("imageConfig.entryPoint", image.get("EntryPoint"), 0, 1500)
                .size("imageConfig.command", image.get("Command"), 0, 1500)
                .string("imageConfig.workingDirectory", text(image, "WorkingDirectory"), Validation.WORKING_DIRECTORY);
        if (request.has("EphemeralStorage")) {
            v.required("ephemeralStorage.size", request.path("EphemeralStorage").get("Size"))
                    .range("ephemeralStorage.size", request.path("EphemeralStorage").get("Size"), 512, 10_240);
        }
        v.oneOf("snapStart.applyOn", text(request.path("SnapStart"), "ApplyOn"), Validation.SNAP_START_APPLY_ON);
        JsonNode logging = request.path("LoggingConfig");
        v.oneOf("loggingConfig.logFormat", text(logging, "LogFormat"), Validation.LOG_FORMATS)
                .oneOf("loggingConfig.applicationLogLevel", text(logging, "ApplicationLogLevel"),
                        Validation.APPLICATION_LOG_LEVELS)
                .oneOf("loggingConfig.systemLogLevel", text(logging, "SystemLogLevel"), Validation.SYSTEM_LOG_LEVELS)
                .string("loggingConfig.logGroup", text(logging, "LogGroup"), Validation.LOG_GROUP);
    }

    /** A string member's value, {@code null} when absent. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Applies the request's settings (which passed {@link #check}) onto {@code config}, with Lambda's own rules. */
    Outcome apply(Connection c, Scope scope, ObjectNode request, ObjectNode config) throws SQLException {
        Outcome outcome = new Outcome();
        if (request.hasNonNull("Runtime")) {
            String runtime = request.get("Runtime").asText();
            Validation.runtime(runtime);
            config.put("Runtime", runtime);
        }
        for (String field : new String[] {"Role", "Handler", "Description"}) {
            if (request.hasNonNull(field)) {
                config.put(field, request.get(field).asText());
            }
        }
        if (request.hasNonNull("Timeout")) {
            config.put("Timeout", request.get("Timeout").intValue());
        }
        if (request.hasNonNull("MemorySize")) {
            int memory = request.get("MemorySize").intValue();
            if (memory > Validation.MAX_MEMORY) {
                // AWS's answer above an account's memory limit (3008 MB there), quoted in
                // https://github.com/alexcasalboni/aws-lambda-power-tuning/pull/181
                throw ApiException.invalidParameter("'MemorySize' value failed to satisfy constraint: Member must have"
                        + " value less than or equal to " + Validation.MAX_MEMORY);
            }
            config.put("MemorySize", memory);
        }
        if (request.hasNonNull("EphemeralStorage")) {
            config.putObject("EphemeralStorage").put("Size", request.get("EphemeralStorage").get("Size").intValue());
        }
        if (request.hasNonNull("Architectures")) {
            config.set("Architectures", request.get("Architectures").deepCopy());
        }
        if (request.hasNonNull("TracingConfig")) {
            config.putObject("TracingConfig").put("Mode",
                    request.get("TracingConfig").path("Mode").asText("PassThrough"));
        }
        if (request.has("KMSKeyArn")) {
            replaceOrRemove(config, "KMSKeyArn", text(request, "KMSKeyArn"));
        }
        if (request.hasNonNull("DeadLetterConfig")) {
            String target = text(request.get("DeadLetterConfig"), "TargetArn");
            if (target == null || target.isEmpty()) {
                config.remove("DeadLetterConfig");
            } else {
                config.putObject("DeadLetterConfig").put("TargetArn", target);
            }
        }
        if (request.hasNonNull("FileSystemConfigs")) {
            ArrayNode fileSystems = Json.array();
            for (JsonNode fileSystem : request.get("FileSystemConfigs")) {
                fileSystems.addObject().put("Arn", fileSystem.get("Arn").asText())
                        .put("LocalMountPath", fileSystem.get("LocalMountPath").asText());
            }
            if (fileSystems.isEmpty()) {
                config.remove("FileSystemConfigs");
            } else {
                config.set("FileSystemConfigs", fileSystems);
            }
        }
        if (request.hasNonNull("SnapStart")) {
            config.putObject("SnapStart").put("ApplyOn", request.get("SnapStart").path("ApplyOn").asText("None"));
        }
        if (request.hasNonNull("LoggingConfig")) {
            config.set("LoggingConfig", logging(config.path("LoggingConfig"), request.get("LoggingConfig")));
        }
        if (request.hasNonNull("Environment")) {
            outcome.environment = environment(request.get("Environment").path("Variables"));
            config.put(ENVIRONMENT_GIVEN, true);
        }
        if (request.hasNonNull("Layers")) {
            config.set("Layers", layers.resolve(c, scope, request.get("Layers")));
        }
        if (request.hasNonNull("VpcConfig")) {
            outcome.placement = vpc(scope, request.get("VpcConfig"), config);
        }
        return outcome;
    }

    /**
     * A LoggingConfig update merged onto the current one as AWS merges it (TestLoggingConfig): members given replace
     * the stored ones; JSON logs get INFO for a level never set, Text logs have no levels. {@code LogGroup} is kept
     * only when set: the default one is named after the function when rendered.
     */
    static ObjectNode logging(JsonNode current, JsonNode update) {
        ObjectNode merged = current.isObject() ? ((ObjectNode) current).deepCopy() : Json.object();
        for (String field : new String[] {"LogFormat", "ApplicationLogLevel", "SystemLogLevel", "LogGroup"}) {
            if (update.hasNonNull(field)) {
                merged.put(field, update.get(field).asText());
            }
        }
        if (merged.path("LogFormat").asText("Text").equals("JSON")) {
            for (String level : new String[] {"ApplicationLogLevel", "SystemLogLevel"}) {
                if (!merged.hasNonNull(level)) {
                    merged.put(level, "INFO");
                }
            }
        } else {
            merged.put("LogFormat", "Text");
            merged.remove("ApplicationLogLevel");
            merged.remove("SystemLogLevel");
        }
        return merged;
    }

    private static void replaceOrRemove(ObjectNode config, String field, String value) {
        if (value == null || value.isEmpty()) {
            config.remove(field);
        } else {
            config.put(field, value);
        }
    }

    private static Map<String, String> environment(JsonNode variables) {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> reserved = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (Validation.RESERVED_ENV_KEYS.contains(key)) {
                reserved.add(key);
            }
            env.put(key, entry.getValue().asText());
        }
        if (!reserved.isEmpty()) {
            throw ApiException.invalidParameter("Lambda was unable to configure your environment variables because"
                    + " the environment variables you have provided contains reserved keys that are currently not"
                    + " supported for modification. Reserved keys used in this request: " + String.join(", ", reserved));
        }
        String measured = Json.text(Json.strings(env));
        if (measured.getBytes(StandardCharsets.UTF_8).length > 4096) {
            // AWS echoes the variables it measured (test_large_environment_variables_fails,
            // test_large_environment_fails_multiple_keys); the plugin scrubs secret values from what it reports
            throw ApiException.invalidParameter("Lambda was unable to configure your environment variables because"
                    + " the environment variables you have provided exceeded the 4KB limit. String measured: "
                    + measured);
        }
        return env;
    }

    private VpcCatalog.Placement vpc(Scope scope, JsonNode vpcConfig, ObjectNode config) {
        List<String> subnets = strings(vpcConfig.path("SubnetIds"));
        List<String> groups = strings(vpcConfig.path("SecurityGroupIds"));
        VpcCatalog.Placement placement = ctx.vpc().catalog(scope.region()).place(subnets, groups);
        ObjectNode stored = config.putObject("VpcConfig");
        ArrayNode subnetNode = stored.putArray("SubnetIds");
        new TreeSet<>(subnets).forEach(subnetNode::add);
        ArrayNode groupNode = stored.putArray("SecurityGroupIds");
        new TreeSet<>(groups).forEach(groupNode::add);
        stored.put("VpcId", placement.vpcId());
        stored.put("Ipv6AllowedForDualStack", vpcConfig.path("Ipv6AllowedForDualStack").asBoolean(false));
        return subnets.isEmpty() ? new VpcCatalog.Placement("", false) : placement;
    }

    static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        for (JsonNode item : array) {
            result.add(item.asText());
        }
        return result;
    }
}
