package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.ec2.Ec2Handler;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.kms.KmsHandler;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.s3.S3Handler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The emulator's whole HTTP surface, one operation a line: the Lambda REST API, the emulator's own two routes,
 * then the S3 and EC2 operations a deployment needs and the KMS operations of secrets encrypted in transit.
 */
public final class ApiRoutes {

    private static final String F = "/2015-03-31/functions";
    private static final String L = "/2018-10-31/layers";
    private static final String EIC = "/2019-09-25/functions/{name}/event-invoke-config";
    private static final String URL = "/2021-10-31/functions/{name}/url";
    private static final String PROVISIONED = "/2019-09-30/functions/{name}/provisioned-concurrency";
    private static final String CSC = "/2020-04-22/code-signing-configs";
    private static final String FUNCTION_CSC = "/2020-06-30/functions/{name}/code-signing-config";
    private static final String ESM = "/2015-03-31/event-source-mappings";

    private static final List<String> NONE = List.of();

    private ApiRoutes() {}

    /**
     * @param retryDelay how long an Event invocation waits before its first retry (twice that before the second)
     * @param warmAfterUpdate whether an update starts an environment of the new {@code $LATEST} at once
     */
    public static Router router(LambdaContext ctx, FunctionRuntime runtime, ExecutorService async, Path stateDir,
            Duration retryDelay, boolean warmAfterUpdate, S3Handler s3, Ec2Handler ec2, KmsHandler kms) {
        String identity = stateDir.toString();
        TagHandler tags = new TagHandler(ctx);
        FunctionHandler functions = new FunctionHandler(ctx, tags);
        FunctionUpdateHandler updates = new FunctionUpdateHandler(ctx);
        VersionHandler versions = new VersionHandler(ctx);
        ProvisionedPools pools = new ProvisionedPools(ctx, runtime);
        AliasHandler aliases = new AliasHandler(ctx, pools);
        ConcurrencyHandler concurrency = new ConcurrencyHandler(ctx);
        LayerHandler layers = new LayerHandler(ctx);
        LayerPolicyHandler policies = new LayerPolicyHandler(ctx);
        InvokeHandler invoke = new InvokeHandler(ctx, runtime, pools, async, new AsyncInvocations.Settings(retryDelay,
                stateDir.resolve("deliveries")), stateDir.resolve("file-systems"));
        Provisioner provisioner = new Provisioner(ctx, runtime, invoke);
        SnapStarts snapStarts = new SnapStarts(ctx, runtime, invoke);
        Router.Followup warm = invoke.warmLatestAfterUpdate(warmAfterUpdate);
        PolicyHandler permissions = new PolicyHandler(ctx);
        EventInvokeConfigHandler eventInvoke = new EventInvokeConfigHandler(ctx);
        FunctionUrlHandler urls = new FunctionUrlHandler(ctx);
        ProvisionedConcurrencyHandler provisioned = new ProvisionedConcurrencyHandler(ctx, pools);
        RecursionConfigHandler recursion = new RecursionConfigHandler(ctx);
        RuntimeManagementHandler runtimeManagement = new RuntimeManagementHandler(ctx);
        CodeSigningHandler codeSigning = new CodeSigningHandler(ctx);
        EventSourceMappingHandler mappings = new EventSourceMappingHandler(ctx);
        return new Router()
                .host(new FunctionUrlServer(ctx, invoke))
                .onStart(provisioner::reconcileAll)
                .onStart(snapStarts::resume)
                .lambda("POST", F, snapStarts.after(functions::create))
                .lambda("GET", F, functions::list)
                .lambda("GET", F + "/{name}", functions::get)
                .lambda("DELETE", F + "/{name}", provisioner.after(functions::delete))
                .lambda("GET", F + "/{name}/configuration", functions::getConfiguration)
                .lambda("PUT", F + "/{name}/configuration", Router.then(updates::updateConfiguration, warm))
                .lambda("PUT", F + "/{name}/code", snapStarts.after(Router.then(updates::updateCode, warm)))
                .lambda("POST", F + "/{name}/versions", snapStarts.after(versions::publish))
                .lambda("GET", F + "/{name}/versions", versions::list)
                .lambda("POST", F + "/{name}/aliases", aliases::create)
                .lambda("GET", F + "/{name}/aliases", aliases::list)
                .lambda("GET", F + "/{name}/aliases/{alias}", aliases::get)
                .lambda("PUT", F + "/{name}/aliases/{alias}", provisioner.after(aliases::update))
                .lambda("DELETE", F + "/{name}/aliases/{alias}", provisioner.after(aliases::delete))
                .lambda("POST", F + "/{name}/invocations", invoke::invoke)
                .lambda("PUT", "/2017-10-31/functions/{name}/concurrency", concurrency::put)
                .lambda("DELETE", "/2017-10-31/functions/{name}/concurrency", concurrency::delete)
                .lambda("GET", "/2019-09-30/functions/{name}/concurrency", concurrency::get)
                .lambda("GET", "/2016-08-19/account-settings", concurrency::accountSettings)
                .lambda("POST", "/2017-03-31/tags/{arn}", tags::tag)
                .lambda("GET", "/2017-03-31/tags/{arn}", tags::list)
                .lambda("DELETE", "/2017-03-31/tags/{arn}", tags::untag)
                .lambda("GET", L, layers::layersRoot)
                .lambda("POST", L + "/{layer}/versions", layers::publish)
                .lambda("GET", L + "/{layer}/versions", layers::listVersions)
                .lambda("GET", L + "/{layer}/versions/{version}", layers::get)
                .lambda("DELETE", L + "/{layer}/versions/{version}", layers::delete)
                .lambda("POST", L + "/{layer}/versions/{version}/policy", policies::add)
                .lambda("GET", L + "/{layer}/versions/{version}/policy", policies::get)
                .lambda("DELETE", L + "/{layer}/versions/{version}/policy/{sid}", policies::remove)
                // function policies
                .lambda("POST", F + "/{name}/policy", permissions::add)
                .lambda("GET", F + "/{name}/policy", permissions::get)
                .lambda("DELETE", F + "/{name}/policy/{sid}", permissions::remove)
                // asynchronous invocation
                .lambda("PUT", EIC, eventInvoke::put)
                .lambda("POST", EIC, eventInvoke::update)
                .lambda("GET", EIC, eventInvoke::get)
                .lambda("DELETE", EIC, eventInvoke::delete)
                .lambda("GET", EIC + "/list", eventInvoke::list)
                // function URLs (the API; the URLs themselves are served by their host name, above)
                .lambda("POST", URL, urls::create)
                .lambda("GET", URL, urls::get)
                .lambda("PUT", URL, urls::update)
                .lambda("DELETE", URL, urls::delete)
                .lambda("GET", URL + "s", urls::list)
                // provisioned concurrency
                .add(Router.Family.LAMBDA, Router.Access.SIGNED, "GET", PROVISIONED, List.of("List"), provisioned::list)
                .lambda("PUT", PROVISIONED, provisioner.after(provisioned::put))
                .lambda("GET", PROVISIONED, provisioned::get)
                .lambda("DELETE", PROVISIONED, provisioner.after(provisioned::delete))
                // recursion and runtime management
                .lambda("GET", "/2024-08-31/functions/{name}/recursion-config", recursion::get)
                .lambda("PUT", "/2024-08-31/functions/{name}/recursion-config", recursion::put)
                .lambda("GET", "/2021-07-20/functions/{name}/runtime-management-config", runtimeManagement::get)
                .lambda("PUT", "/2021-07-20/functions/{name}/runtime-management-config", runtimeManagement::put)
                // code signing
                .lambda("POST", CSC, codeSigning::create)
                .lambda("GET", CSC, codeSigning::list)
                .lambda("GET", CSC + "/{arn}", codeSigning::get)
                .lambda("PUT", CSC + "/{arn}", codeSigning::update)
                .lambda("DELETE", CSC + "/{arn}", codeSigning::delete)
                .lambda("GET", CSC + "/{arn}/functions", codeSigning::listFunctions)
                .lambda("PUT", FUNCTION_CSC, codeSigning::putForFunction)
                .lambda("GET", FUNCTION_CSC, codeSigning::getForFunction)
                .lambda("DELETE", FUNCTION_CSC, codeSigning::deleteForFunction)
                // event source mappings (stored; nothing polls a source locally)
                .lambda("POST", ESM, mappings::create)
                .lambda("GET", ESM, mappings::list)
                .lambda("GET", ESM + "/{uuid}", mappings::get)
                .lambda("PUT", ESM + "/{uuid}", mappings::update)
                .lambda("DELETE", ESM + "/{uuid}", mappings::delete)
                // the emulator's own: Code.Location links it presigned, and the identity builds look for
                .add(Router.Family.LAMBDA, Router.Access.PRESIGNED_S3, "GET", "/__emulator/code/{sha}", NONE,
                        functions::code)
                .add(Router.Family.LAMBDA, Router.Access.LOCAL, "GET", "/__emulator/identity", NONE,
                        request -> ApiResponse.json(200, Json.object()
                                .put("service", "lambda-maven-plugin emulator").put("stateDir", identity)))
                // S3, path style: the more specific operation on a path first
                .s3("PUT", "/{bucket}", NONE, s3::createBucket)
                .s3("HEAD", "/{bucket}", NONE, s3::headBucket)
                .s3("PUT", "/{bucket}/{key+}", List.of("uploadId", "partNumber"), s3::uploadPart)
                .s3("PUT", "/{bucket}/{key+}", NONE, s3::putObject)
                .s3("POST", "/{bucket}/{key+}", List.of("uploads"), s3::createMultipartUpload)
                .s3("POST", "/{bucket}/{key+}", List.of("uploadId"), s3::completeMultipartUpload)
                .s3("DELETE", "/{bucket}/{key+}", List.of("uploadId"), s3::abortMultipartUpload)
                .s3("GET", "/{bucket}/{key+}", NONE, s3::getObject)
                .s3("HEAD", "/{bucket}/{key+}", NONE, s3::getObject)
                // EC2's query protocol, for the VPC preflight and the networks tests make
                .ec2("DescribeVpcs", ec2::describeVpcs)
                .ec2("DescribeSubnets", ec2::describeSubnets)
                .ec2("DescribeSecurityGroups", ec2::describeSecurityGroups)
                .ec2("CreateVpc", ec2::createVpc)
                .ec2("CreateSubnet", ec2::createSubnet)
                .ec2("CreateSecurityGroup", ec2::createSecurityGroup)
                .ec2("DeleteSubnet", ec2::deleteSubnet)
                .ec2("DeleteSecurityGroup", ec2::deleteSecurityGroup)
                .ec2("DeleteVpc", ec2::deleteVpc)
                // KMS's JSON 1.1 protocol, for environment values encrypted in transit and the functions that decrypt them
                .kms("CreateKey", kms::createKey)
                .kms("DescribeKey", kms::describeKey)
                .kms("ListKeys", kms::listKeys)
                .kms("EnableKey", kms::enableKey)
                .kms("DisableKey", kms::disableKey)
                .kms("CreateAlias", kms::createAlias)
                .kms("UpdateAlias", kms::updateAlias)
                .kms("DeleteAlias", kms::deleteAlias)
                .kms("ListAliases", kms::listAliases)
                .kms("Encrypt", kms::encrypt)
                .kms("Decrypt", kms::decrypt)
                .kms("GenerateDataKey", kms::generateDataKey)
                .kms("GenerateDataKeyWithoutPlaintext", kms::generateDataKeyWithoutPlaintext)
                .kms("GenerateRandom", kms::generateRandom);

    }
}
