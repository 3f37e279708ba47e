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

    Outcome apply(Connection c, Scope scope, ObjectNode request, ObjectNode config) throws SQLException {
        Outcome outcome = new Outcome();
        if (request.hasNonNull("Runtime")) {
            String runtime = request.get("Runtime").asText();
            Validation.runtime(runtime);
            config.put("Runtime", runtime);
        }
        if (request.hasNonNull("Role")) {
            Validation.role(request.get("Role").asText());
            config.put("Role", request.get("Role").asText());
        }
        if (request.hasNonNull("Handler")) {
            Validation.handler(request.get("Handler").asText());
            config.put("Handler", request.get("Handler").asText());
        }
        if (request.hasNonNull("Description")) {
            Validation.maxLength(request.get("Description").asText(), "description", 256);
            config.put("Description", request.get("Description").asText());
        }
        if (request.hasNonNull("Timeout")) {
            int timeout = integer(request, "Timeout");
            Validation.range(timeout, "timeout", 1, 900);
            config.put("Timeout", timeout);
        }
        if (request.hasNonNull("MemorySize")) {
            int memory = integer(request, "MemorySize");
            Validation.range(memory, "memorySize", 128, 10240);
            config.put("MemorySize", memory);
        }
        if (request.hasNonNull("EphemeralStorage")) {
            int size = integer(request.get("EphemeralStorage"), "Size");
            Validation.range(size, "ephemeralStorage.size", 512, 10240);
            config.putObject("EphemeralStorage").put("Size", size);
        }
        if (request.hasNonNull("Architectures")) {
            config.set("Architectures", architectures(request.get("Architectures")));
        }
        if (request.hasNonNull("TracingConfig")) {
            String mode = request.get("TracingConfig").path("Mode").asText("PassThrough");
            if (!mode.equals("Active") && !mode.equals("PassThrough")) {
                throw ApiException.validation(mode, "tracingConfig.mode",
                        "Member must satisfy enum value set: [Active, PassThrough]");
            }
            config.putObject("TracingConfig").put("Mode", mode);
        }
        if (request.has("KMSKeyArn")) {
            String kms = request.path("KMSKeyArn").asText("");
            if (kms.isEmpty()) {
                config.remove("KMSKeyArn");
            } else {
                config.put("KMSKeyArn", kms);
            }
        }
        if (request.hasNonNull("DeadLetterConfig")) {
            config.set("DeadLetterConfig", request.get("DeadLetterConfig"));
        }
        if (request.hasNonNull("Environment")) {
            outcome.environment = environment(request.get("Environment").path("Variables"));
        }
        if (request.hasNonNull("Layers")) {
            config.set("Layers", layers.resolve(c, scope, request.get("Layers")));
        }
        if (request.hasNonNull("VpcConfig")) {
            outcome.placement = vpc(scope, request.get("VpcConfig"), config);
        }
        return outcome;
    }

    static ArrayNode architectures(JsonNode node) {
        if (!node.isArray() || node.size() != 1) {
            throw ApiException.validation(Json.text(node), "architectures",
                    "Member must have length less than or equal to 1");
        }
        String arch = node.get(0).asText();
        if (!arch.equals("x86_64") && !arch.equals("arm64")) {
            throw ApiException.validation("[" + arch + "]", "architectures",
                    "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]");
        }
        ArrayNode result = Json.array();
        result.add(arch);
        return result;
    }

    /** A member the request shape made an integer, if present. */
    private static int integer(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw Validation.missing(field);
        }
        return node.get(field).intValue();
    }

    private static Map<String, String> environment(JsonNode variables) {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> reserved = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (!Validation.ENV_KEY.matcher(key).matches()) {
                // the value is never echoed: it may be a secret
                throw ApiException.validation("****", "environment.variables", "Map keys must satisfy constraint:"
                        + " [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]");
            }
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
        int size = Json.text(Json.strings(env)).getBytes(StandardCharsets.UTF_8).length;
        if (size > 4096) {
            throw ApiException.invalidParameter("Lambda was unable to configure your environment variables because"
                    + " the environment variables you have provided exceeded the 4KB limit. String measured: "
                    + "(" + size + " bytes, values not shown)");
        }
        return env;
    }

    private VpcCatalog.Placement vpc(Scope scope, JsonNode vpcConfig, ObjectNode config) {
        List<String> subnets = strings(vpcConfig.path("SubnetIds"));
        List<String> groups = strings(vpcConfig.path("SecurityGroupIds"));
        if (subnets.size() > 16) {
            throw ApiException.validation(subnets.toString(), "vpcConfig.subnetIds",
                    "Member must have length less than or equal to 16");
        }
        if (groups.size() > 5) {
            throw ApiException.validation(groups.toString(), "vpcConfig.securityGroupIds",
                    "Member must have length less than or equal to 5");
        }
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
