package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.store.FunctionConfigStore;
import java.util.List;

/**
 * Get/PutFunctionRecursionConfig: whether Lambda stops a function caught in a recursive loop ({@code Terminate},
 * the default) or lets it run ({@code Allow}). Stored only: nothing detects loops locally.
 */
final class RecursionConfigHandler {

    /** In the order AWS prints them. */
    private static final List<String> VALUES = List.of("Terminate", "Allow");
    private static final String UNQUALIFIED_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?"
            + "-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)";

    private final LambdaContext ctx;

    RecursionConfigHandler(LambdaContext ctx) {
        this.ctx = ctx;
    }

    ApiResponse get(ApiRequest request) {
        FunctionRef ref = unqualified(request);
        return ctx.db().read(c -> {
            if (!ctx.functions().exists(c, ref.scope(), ref.name())) {
                throw FunctionLookup.notFound(ref);
            }
            String value = ctx.recursion().find(c, ref.scope(), ref.name(), "")
                    .map(config -> config.config().path("RecursiveLoop").asText()).orElse("Terminate");
            return ApiResponse.json(200, render(value));
        });
    }

    ApiResponse put(ApiRequest request) {
        FunctionRef ref = unqualified(request);
        ObjectNode body = request.json(LambdaShapes.PUT_RECURSION_CONFIG);
        String value = body.path("RecursiveLoop").asText(null);
        new Constraints().required(value, "recursiveLoop").oneOf(value, "recursiveLoop", VALUES).check();
        ctx.db().write(c -> {
            if (!ctx.functions().exists(c, ref.scope(), ref.name())) {
                throw FunctionLookup.notFound(ref);
            }
            ctx.recursion().put(c, ref.scope(), ref.name(), new FunctionConfigStore.Config("", render(value),
                    ctx.now()));
            return null;
        });
        return ApiResponse.json(200, render(value));
    }

    /** The function; these operations take no qualifier (the API reference's pattern has none). */
    private static FunctionRef unqualified(ApiRequest request) {
        FunctionRef ref = FunctionRef.parse(request.path("name"), null, request.scope());
        if (ref.qualifier() != null) {
            throw ApiException.validation(request.path("name"), "functionName",
                    "Member must satisfy regular expression pattern: " + UNQUALIFIED_PATTERN);
        }
        return ref;
    }

    private static ObjectNode render(String value) {
        ObjectNode out = Json.object();
        out.put("RecursiveLoop", value);
        return out;
    }
}
