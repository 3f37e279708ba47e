package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.CodeSigningStore.SigningConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code signing configs (Create/Get/Update/Delete/ListCodeSigningConfigs, ListFunctionsByCodeSigningConfig) and the
 * one a function uses (Put/Get/DeleteFunctionCodeSigningConfig, CreateFunction's {@code CodeSigningConfigArn}).
 * Stored and validated; the emulator verifies no signatures (it has no AWS Signer), so code is deployed as if
 * every config said {@code Warn}.
 */
final class CodeSigningHandler {

    static final String ARN_PATTERN = "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:"
            + "code-signing-config:csc-[a-z0-9]{17}";
    private static final Pattern ARN = Pattern.compile("arn:[^:]*:lambda:([^:]+):(\\d{12}):code-signing-config:"
            + "(csc-[a-z0-9]{17})");
    private static final String PROFILE_ARN_PATTERN = "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:"
            + "([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";
    private static final String FUNCTIONS_ONLY = "This operation is permitted on Lambda functions only. Aliases and"
            + " versions do not support this operation. Please specify either a function name or an unqualified"
            + " function ARN.";

    private final LambdaContext ctx;

    CodeSigningHandler(LambdaContext ctx) {
        this.ctx = ctx;
    }

    ApiResponse create(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.CREATE_CODE_SIGNING_CONFIG);
        validate(body, true);
        Map<String, String> tags = TagHandler.parseTags(body.path("Tags"));
        Scope scope = request.scope();
        ObjectNode config = Json.object();
        config.put("Description", body.path("Description").asText(""));
        config.set("AllowedPublishers", publishers(body));
        config.putObject("CodeSigningPolicies").put("UntrustedArtifactOnDeployment",
                body.path("CodeSigningPolicies").path("UntrustedArtifactOnDeployment").asText("Warn"));
        SigningConfig created = new SigningConfig("csc-" + Ids.token(17), config, ctx.now());
        ctx.db().write(c -> {
            ctx.codeSigning().put(c, scope, created);
            ctx.tags().put(c, Arns.codeSigningConfig(scope, created.id()), tags);
            return null;
        });
        return ApiResponse.json(201, wrap(scope, created));
    }

    ApiResponse get(ApiRequest request) {
        String id = id(request.path("arn"), request.scope());
        return ctx.db().read(c -> ApiResponse.json(200, wrap(request.scope(), find(c, request.scope(), id,
                request.path("arn")))));
    }

    ApiResponse update(ApiRequest request) {
        String id = id(request.path("arn"), request.scope());
        ObjectNode body = request.json(LambdaShapes.UPDATE_CODE_SIGNING_CONFIG);
        validate(body, false);
        SigningConfig updated = ctx.db().write(c -> {
            SigningConfig current = find(c, request.scope(), id, request.path("arn"));
            ObjectNode config = current.config().deepCopy();
            if (body.has("Description")) {
                config.put("Description", body.get("Description").asText());
            }
            if (body.has("AllowedPublishers")) {
                config.set("AllowedPublishers", publishers(body));
            }
            String policy = body.path("CodeSigningPolicies").path("UntrustedArtifactOnDeployment").asText(null);
            if (policy != null) {
                config.putObject("CodeSigningPolicies").put("UntrustedArtifactOnDeployment", policy);
            }
            SigningConfig changed = new SigningConfig(id, config, ctx.now());
            ctx.codeSigning().put(c, request.scope(), changed);
            return changed;
        });
        return ApiResponse.json(200, wrap(request.scope(), updated));
    }

    ApiResponse delete(ApiRequest request) {
        String id = id(request.path("arn"), request.scope());
        ctx.db().write(c -> {
            find(c, request.scope(), id, request.path("arn"));
            if (!ctx.codeSigning().functionsUsing(c, request.scope(), id).isEmpty()) {
                throw ApiException.conflict("The code signing configuration cannot be deleted because it is used by"
                        + " one or more functions.");
            }
            ctx.codeSigning().delete(c, request.scope(), id);
            ctx.tags().removeAll(c, Arns.codeSigningConfig(request.scope(), id));
            return null;
        });
        return ApiResponse.empty(204);
    }

    ApiResponse list(ApiRequest request) {
        List<JsonNode> items = ctx.db().read(c -> {
            List<JsonNode> result = new ArrayList<>();
            for (SigningConfig config : ctx.codeSigning().list(c, request.scope())) {
                result.add(render(request.scope(), config));
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "CodeSigningConfigs", 50, 10_000);
        return ApiResponse.json(200, out);
    }

    ApiResponse listFunctions(ApiRequest request) {
        Scope scope = request.scope();
        String id = id(request.path("arn"), scope);
        List<JsonNode> items = ctx.db().read(c -> {
            find(c, scope, id, request.path("arn"));
            List<JsonNode> result = new ArrayList<>();
            for (String function : ctx.codeSigning().functionsUsing(c, scope, id)) {
                result.add(TextNode.valueOf(Arns.function(scope, function)));
            }
            return result;
        });
        ObjectNode out = Json.object();
        Paging.page(request, items, out, "FunctionArns", 50, 10_000);
        return ApiResponse.json(200, out);
    }

    ApiResponse putForFunction(ApiRequest request) {
        FunctionRef ref = function(request);
        ObjectNode body = request.json(LambdaShapes.PUT_FUNCTION_CODE_SIGNING_CONFIG);
        String arn = body.path("CodeSigningConfigArn").asText(null);
        new Constraints().required(arn, "codeSigningConfigArn").check();
        ctx.db().write(c -> {
            attach(c, ref, arn);
            return null;
        });
        ObjectNode out = Json.object();
        out.put("CodeSigningConfigArn", arn);
        out.put("FunctionName", ref.name());
        return ApiResponse.json(200, out);
    }

    ApiResponse getForFunction(ApiRequest request) {
        FunctionRef ref = function(request);
        return ctx.db().read(c -> {
            if (!ctx.functions().exists(c, ref.scope(), ref.name())) {
                throw FunctionLookup.notFound(ref);
            }
            ObjectNode out = Json.object();
            ctx.codeSigning().configOf(c, ref.scope(), ref.name()).ifPresent(id -> {
                out.put("CodeSigningConfigArn", Arns.codeSigningConfig(ref.scope(), id));
                out.put("FunctionName", ref.name());
            });
            return ApiResponse.json(200, out);
        });
    }

    ApiResponse deleteForFunction(ApiRequest request) {
        FunctionRef ref = function(request);
        ctx.db().write(c -> {
            if (!ctx.functions().exists(c, ref.scope(), ref.name())) {
                throw FunctionLookup.notFound(ref);
            }
            ctx.codeSigning().detach(c, ref.scope(), ref.name());
            return null;
        });
        return ApiResponse.empty(204);
    }

    /**
     * Makes the function use the config {@code arn} (PutFunctionCodeSigningConfig, CreateFunction): the config
     * must exist (checked first, as AWS does), then the function.
     */
    void attach(Connection c, FunctionRef function, String arn) throws SQLException {
        String id = id(arn, function.scope());
        if (ctx.codeSigning().find(c, function.scope(), id).isEmpty()) {
            throw new ApiException(404, "CodeSigningConfigNotFoundException", "The code signing configuration cannot"
                    + " be found. Check that the provided configuration is not deleted: " + arn + ".");
        }
        if (!ctx.functions().exists(c, function.scope(), function.name())) {
            throw FunctionLookup.notFound(function);
        }
        ctx.codeSigning().attach(c, function.scope(), function.name(), id);
    }

    private static FunctionRef function(ApiRequest request) {
        FunctionRef ref = FunctionRef.parse(request.path("name"), null, request.scope());
        if (ref.qualifier() != null) {
            throw ApiException.invalidParameter(FUNCTIONS_ONLY);
        }
        return ref;
    }

    /** The id of a config ARN of the caller's account and region; another scope's cannot be found in this one. */
    private static String id(String arn, Scope scope) {
        new Constraints().length(arn, "codeSigningConfigArn", 0, 200).pattern(arn, "codeSigningConfigArn",
                ARN_PATTERN).check();
        Matcher m = ARN.matcher(arn);
        if (!m.matches() || !m.group(1).equals(scope.region()) || !m.group(2).equals(scope.account())) {
            throw notFound(arn);
        }
        return m.group(3);
    }

    private SigningConfig find(Connection c, Scope scope, String id, String arn) throws SQLException {
        return ctx.codeSigning().find(c, scope, id).orElseThrow(() -> notFound(arn));
    }

    /** AWS answers it without a Type (snapshot: test_code_signing_not_found_excs). */
    static ApiException notFound(String arn) {
        return ApiException.notFound("The Lambda code signing configuration " + arn + " can not be found.")
                .withoutFaultType();
    }

    private static void validate(ObjectNode body, boolean create) {
        JsonNode profiles = body.path("AllowedPublishers").get("SigningProfileVersionArns");
        Constraints constraints = new Constraints()
                .length(body.path("Description").asText(null), "description", 0, 256);
        if (create || body.has("AllowedPublishers")) {
            constraints.required(body.get("AllowedPublishers"), "allowedPublishers")
                    .required(profiles, "allowedPublishers.signingProfileVersionArns");
        }
        constraints.size(profiles, "allowedPublishers.signingProfileVersionArns", 1, 20)
                .items(profiles, "allowedPublishers.signingProfileVersionArns", null, null, PROFILE_ARN_PATTERN)
                .oneOf(body.path("CodeSigningPolicies").path("UntrustedArtifactOnDeployment").asText(null),
                        "codeSigningPolicies.untrustedArtifactOnDeployment", List.of("Warn", "Enforce"))
                .check();
    }

    private static ObjectNode publishers(ObjectNode body) {
        ObjectNode publishers = Json.object();
        publishers.set("SigningProfileVersionArns", body.path("AllowedPublishers").get("SigningProfileVersionArns"));
        return publishers;
    }

    private static ObjectNode wrap(Scope scope, SigningConfig config) {
        ObjectNode out = Json.object();
        out.set("CodeSigningConfig", render(scope, config));
        return out;
    }

    private static ObjectNode render(Scope scope, SigningConfig config) {
        ObjectNode out = Json.object();
        out.put("CodeSigningConfigId", config.id());
        out.put("CodeSigningConfigArn", Arns.codeSigningConfig(scope, config.id()));
        out.setAll(config.config());
        out.put("LastModified", Timestamps.format(config.modifiedAt()));
        return out;
    }
}
