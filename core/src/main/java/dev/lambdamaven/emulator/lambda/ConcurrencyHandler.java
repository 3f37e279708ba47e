package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.store.VersionRow;

/** Put/Get/DeleteFunctionConcurrency and GetAccountSettings (account limit 1000, 100 kept unreserved). */
final class ConcurrencyHandler {

    static final int ACCOUNT_CONCURRENCY = 1000;
    static final int MIN_UNRESERVED = 100;

    private final LambdaContext ctx;
    private final FunctionLookup lookup;

    ConcurrencyHandler(LambdaContext ctx) {
        this.ctx = ctx;
        this.lookup = new FunctionLookup(ctx);
    }

    /** PutFunctionConcurrency (test_function_concurrency_exceptions, test_function_concurrency_limits). */
    ApiResponse put(ApiRequest request) {
        ObjectNode body = request.json(LambdaShapes.PUT_FUNCTION_CONCURRENCY);
        JsonNode reserved = body.get("ReservedConcurrentExecutions");
        FunctionRef ref = functionOnly(lookup.unqualified(request, new Violations()
                .required("reservedConcurrentExecutions", reserved)
                .range("reservedConcurrentExecutions", reserved, 0, Integer.MAX_VALUE)));
        int value = reserved.intValue();
        ctx.db().write(c -> {
            // PutFunctionConcurrency names $LATEST in its not-found text (test_function_concurrency_exceptions)
            ctx.functions().version(c, ref.scope(), ref.name(), VersionRow.LATEST)
                    .orElseThrow(() -> FunctionLookup.notFound(ref.scope(), ref.name(), VersionRow.LATEST));
            long provisioned = ctx.provisioned().functionTotal(c, ref.scope(), ref.name(), "");
            if (value < provisioned) {
                // without a Type, as AWS answers it (test_lambda.snapshot.json: test_reserved_provisioned_overlap)
                throw ApiException.invalidParameter(" ReservedConcurrentExecutions  " + value + " should not be lower"
                        + " than function's total provisioned concurrency [" + provisioned + "].").withoutFaultType();
            }
            long others = ctx.functions().totalReservedConcurrency(c, ref.scope(), ref.name());
            if (ACCOUNT_CONCURRENCY - others - value < MIN_UNRESERVED) {
                throw ApiException.invalidParameter("Specified ReservedConcurrentExecutions for function decreases"
                        + " account's UnreservedConcurrentExecution below its minimum value of [" + MIN_UNRESERVED
                        + "].").withoutFaultType(); // as AWS answers it (snapshot: test_function_concurrency_limits)
            }
            ctx.functions().setReservedConcurrency(c, ref.scope(), ref.name(), value);
            return null;
        });
        ObjectNode out = Json.object();
        out.put("ReservedConcurrentExecutions", value);
        return ApiResponse.json(200, out);
    }

    ApiResponse get(ApiRequest request) {
        FunctionRef ref = lookup.unqualified(request);
        return ctx.db().read(c -> {
            lookup.latest(c, ref);
            Integer value = ctx.functions().reservedConcurrency(c, ref.scope(), ref.name());
            ObjectNode out = Json.object();
            if (value != null) {
                out.put("ReservedConcurrentExecutions", value);
            }
            return ApiResponse.json(200, out);
        });
    }

    ApiResponse delete(ApiRequest request) {
        FunctionRef ref = functionOnly(lookup.unqualified(request));
        ctx.db().write(c -> {
            lookup.latest(c, ref);
            ctx.functions().setReservedConcurrency(c, ref.scope(), ref.name(), null);
            return null;
        });
        return ApiResponse.empty(204);
    }

    /** A version or alias ARN is refused: reserved concurrency is the function's. */
    private static FunctionRef functionOnly(FunctionRef ref) {
        if (ref.qualifier() != null) {
            throw ApiException.invalidParameter("This operation is permitted on Lambda functions only. Aliases and"
                    + " versions do not support this operation. Please specify either a function name or an"
                    + " unqualified function ARN.");
        }
        return ref;
    }

    ApiResponse accountSettings(ApiRequest request) {
        return ctx.db().read(c -> {
            Scope scope = request.scope();
            long reserved = ctx.functions().totalReservedConcurrency(c, scope, "");
            long totalCode = 0;
            var names = ctx.functions().names(c, scope);
            for (String name : names) {
                for (VersionRow row : ctx.functions().versions(c, scope, name)) {
                    totalCode += row.config().path("CodeSize").asLong();
                }
            }
            // layers count too (test_account_settings_total_code_size)
            for (String layer : ctx.layers().names(c, scope)) {
                for (var version : ctx.layers().versions(c, scope, layer)) {
                    totalCode += version.config().path("Content").path("CodeSize").asLong();
                }
            }
            ObjectNode out = Json.object();
            out.putObject("AccountLimit").put("TotalCodeSize", 80_530_636_800L)
                    .put("CodeSizeUnzipped", ZipInspector.MAX_UNZIPPED).put("CodeSizeZipped", 52_428_800L)
                    .put("ConcurrentExecutions", ACCOUNT_CONCURRENCY)
                    .put("UnreservedConcurrentExecutions", ACCOUNT_CONCURRENCY - reserved);
            out.putObject("AccountUsage").put("TotalCodeSize", totalCode).put("FunctionCount", names.size());
            return ApiResponse.json(200, out);
        });
    }
}
