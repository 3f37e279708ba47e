package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import java.util.concurrent.ExecutorService;

/** The Lambda REST API's paths, mapped to the handlers. */
public final class LambdaRoutes {

    private static final String F = "/2015-03-31/functions";
    private static final String L = "/2018-10-31/layers";

    private LambdaRoutes() {}

    public static Router router(LambdaContext ctx, FunctionRuntime runtime, ExecutorService async, String identity) {
        TagHandler tags = new TagHandler(ctx);
        FunctionHandler functions = new FunctionHandler(ctx, tags);
        FunctionUpdateHandler updates = new FunctionUpdateHandler(ctx);
        VersionHandler versions = new VersionHandler(ctx);
        AliasHandler aliases = new AliasHandler(ctx);
        ConcurrencyHandler concurrency = new ConcurrencyHandler(ctx);
        LayerHandler layers = new LayerHandler(ctx);
        LayerPolicyHandler policies = new LayerPolicyHandler(ctx);
        InvokeHandler invoke = new InvokeHandler(ctx, runtime, async);
        return new Router()
                .add("POST", F, functions::create)
                .add("GET", F, functions::list)
                .add("GET", F + "/{name}", functions::get)
                .add("DELETE", F + "/{name}", functions::delete)
                .add("GET", F + "/{name}/configuration", functions::getConfiguration)
                .add("PUT", F + "/{name}/configuration", updates::updateConfiguration)
                .add("PUT", F + "/{name}/code", updates::updateCode)
                .add("POST", F + "/{name}/versions", versions::publish)
                .add("GET", F + "/{name}/versions", versions::list)
                .add("POST", F + "/{name}/aliases", aliases::create)
                .add("GET", F + "/{name}/aliases", aliases::list)
                .add("GET", F + "/{name}/aliases/{alias}", aliases::get)
                .add("PUT", F + "/{name}/aliases/{alias}", aliases::update)
                .add("DELETE", F + "/{name}/aliases/{alias}", aliases::delete)
                .add("POST", F + "/{name}/invocations", invoke::invoke)
                .add("PUT", "/2017-10-31/functions/{name}/concurrency", concurrency::put)
                .add("DELETE", "/2017-10-31/functions/{name}/concurrency", concurrency::delete)
                .add("GET", "/2019-09-30/functions/{name}/concurrency", concurrency::get)
                .add("GET", "/2016-08-19/account-settings", concurrency::accountSettings)
                .add("POST", "/2017-03-31/tags/{arn}", tags::tag)
                .add("GET", "/2017-03-31/tags/{arn}", tags::list)
                .add("DELETE", "/2017-03-31/tags/{arn}", tags::untag)
                .add("GET", L, layers::layersRoot)
                .add("POST", L + "/{layer}/versions", layers::publish)
                .add("GET", L + "/{layer}/versions", layers::listVersions)
                .add("GET", L + "/{layer}/versions/{version}", layers::get)
                .add("DELETE", L + "/{layer}/versions/{version}", layers::delete)
                .add("POST", L + "/{layer}/versions/{version}/policy", policies::add)
                .add("GET", L + "/{layer}/versions/{version}/policy", policies::get)
                .add("DELETE", L + "/{layer}/versions/{version}/policy/{sid}", policies::remove)
                .add("GET", "/__emulator/code/{sha}", functions::code)
                .add("GET", "/__emulator/identity", request -> ApiResponse.json(200, Json.object()
                        .put("service", "lambda-maven-plugin emulator").put("stateDir", identity)));
    }
}
