package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiRequest;
import dev.lambdamaven.emulator.http.ApiResponse;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeException;
import dev.lambdamaven.emulator.runtime.InvocationRequest;
import dev.lambdamaven.emulator.runtime.InvocationResult;
import dev.lambdamaven.emulator.store.AliasRow;
import dev.lambdamaven.emulator.store.BlobStore;
import dev.lambdamaven.emulator.store.VersionRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Invoke: resolves the function, version or alias (weighted routing), checks state, payload size and
 * reserved concurrency the way Lambda does, then hands the invocation to the {@link FunctionRuntime}.
 */
final class InvokeHandler {

    static final long MAX_SYNC_PAYLOAD = 6_291_456L;
    /** AWS raised the asynchronous payload limit from 256 KB to 1 MB in 2025. */
    static final long MAX_ASYNC_PAYLOAD = 1_048_576L;

    /** What the emulator resolved before running anything. */
    private record Target(VersionRow row, Map<String, String> environment, List<Path> layers, Integer reserved) {}

    private final LambdaContext ctx;
    private final FunctionLookup lookup;
    private final FunctionRuntime runtime;
    private final ProvisionedPools pools;
    private final ExecutorService async;
    private final AsyncInvocations events;
    private final Path fileSystemRoot;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    InvokeHandler(LambdaContext ctx, FunctionRuntime runtime, ProvisionedPools pools, ExecutorService async,
            AsyncInvocations.Settings events, Path fileSystemRoot) {
        this.ctx = ctx;
        this.pools = pools;
        this.fileSystemRoot = fileSystemRoot;
        this.lookup = new FunctionLookup(ctx);
        this.runtime = runtime;
        this.async = async;
        this.events = new AsyncInvocations(ctx, this, events);
    }

    ApiResponse invoke(ApiRequest request) throws InterruptedException {
        FunctionRef ref = lookup.ref(request);
        String type = header(request, "X-Amz-Invocation-Type", "RequestResponse");
        if (!List.of("RequestResponse", "Event", "DryRun").contains(type)) {
            throw ApiException.validation(type, "invocationType",
                    "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        boolean tail = "Tail".equals(header(request, "X-Amz-Log-Type", "None"));
        byte[] payload = request.body(type.equals("Event") ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD, "InvokeFunction");
        if (payload.length > 0) {
            try {
                Json.parse(payload);
            } catch (ApiException e) {
                throw new ApiException(400, "InvalidRequestContentException",
                        "Could not parse request body into json: Could not parse payload into json");
            }
        }
        if (type.equals("RequestResponse")) {
            Ran ran = run(ref, payload, tail, request.requestId());
            InvocationResult result = ran.result();
            ApiResponse response = ApiResponse.bytes(200, result.payload() == null ? new byte[0] : result.payload(),
                    "application/json").header("X-Amz-Executed-Version", ran.executedVersion())
                    .header("X-Amz-Function-Error", result.functionError());
            if (tail) {
                String log = result.logTail() == null ? "" : result.logTail();
                response.header("X-Amz-Log-Result", Base64.getEncoder().encodeToString(
                        lastBytes(log.getBytes(StandardCharsets.UTF_8), 4096)));
            }
            return response;
        }
        if (type.equals("DryRun")) {
            return ApiResponse.empty(204).header("X-Amz-Executed-Version", runnable(ref).row().version());
        }
        return ApiResponse.empty(202).header("X-Amz-Executed-Version", queue(ref, payload, request.requestId(),
                0));
    }

    /**
     * Queues an Event invocation of {@code ref} (its retries and destinations as its asynchronous invocation config
     * says, see {@link AsyncInvocations}); returns the version that will run. Accepted whatever the function's
     * concurrency: a throttled event waits in the queue, as on AWS. {@code chain}: how many invocations led to this
     * one (0 from a client, 1 for the destination of its invocation, and so on).
     */
    String queue(FunctionRef ref, byte[] payload, String requestId, int chain) {
        Target target = active(ref);
        requireRuntime();
        InvocationRequest invocation = invocation(ref, target, orEmptyEvent(payload), false, requestId);
        AsyncInvocations.Job job = events.job(ref, target.row(), invocation, chain);
        List<Path> zips = new ArrayList<>(invocation.layerZips());
        zips.add(invocation.codeZip());
        BlobStore.Pin pin = ctx.blobs().pin(zips); // it may wait in the queue longer than the grace period
        try {
            async.execute(() -> {
                try (pin) {
                    events.process(job);
                }
            });
        } catch (RejectedExecutionException e) { // the emulator's own queue is full
            pin.close();
            throw throttled();
        }
        return target.row().version();
    }

    /** The function's reserved concurrency now ({@code null}: none). */
    Integer reservedConcurrency(FunctionRef ref) {
        return ctx.db().read(c -> ctx.functions().reservedConcurrency(c, ref.scope(), ref.name()));
    }

    /**
     * Runs one attempt of a queued invocation in a slot of the function's concurrency ({@code reserved}: its reserved
     * concurrency now); {@code null} when that is all in use (throttled: the queue tries again later).
     */
    InvocationResult attempt(FunctionRef ref, InvocationRequest invocation, Integer reserved)
            throws InterruptedException {
        AtomicInteger counter = inFlight(ref.scope(), ref.name());
        if (!tryAcquire(counter, reserved)) {
            return null;
        }
        try {
            return runtime.invoke(invocation);
        } finally {
            counter.decrementAndGet();
        }
    }

    /** A synchronous invocation's result, and the version that ran. */
    record Ran(InvocationResult result, String executedVersion) {}

    /**
     * Runs {@code ref} synchronously, as Invoke's RequestResponse and function URLs do: state, reserved concurrency and
     * the runtime checked as Lambda checks them (ApiExceptions), then the runtime's result.
     */
    Ran run(FunctionRef ref, byte[] payload, boolean tail, String requestId) throws InterruptedException {
        Target target = runnable(ref);
        requireRuntime();
        InvocationRequest invocation = invocation(ref, target, orEmptyEvent(payload), tail, requestId);
        AtomicInteger counter = acquire(target);
        try {
            return new Ran(runtime.invoke(invocation), target.row().version());
        } catch (LocalRuntimeException e) {
            // this machine cannot run the function (no JDK new enough, unsupported platform): not a function error
            throw new ApiException(500, "ServiceException", e.getMessage());
        } finally {
            counter.decrementAndGet();
        }
    }

    /** An invocation of the version {@code ref} names, with an empty event: what provisioned environments start as. */
    InvocationRequest template(FunctionRef ref) {
        return invocation(ref, resolve(ref), orEmptyEvent(new byte[0]), false, null);
    }

    /** The version {@code ref} runs, once its state and reserved concurrency let it run. */
    private Target runnable(FunctionRef ref) {
        Target target = active(ref);
        if (target.reserved() != null && target.reserved() == 0) {
            throw throttled();
        }
        return target;
    }

    /** The version {@code ref} runs, once its state lets it run. */
    private Target active(FunctionRef ref) {
        Target target = resolve(ref);
        String blocked = ConfigurationView.blockingState(ctx.transitions(), target.row(), ctx.now());
        if (blocked != null) {
            throw ApiException.conflict("The operation cannot be performed at this time. The function is currently"
                    + " in the following state: " + blocked);
        }
        return target;
    }

    private void requireRuntime() {
        if (runtime == null) {
            throw new ApiException(500, "ServiceException", "This emulator has no function runtime configured: it"
                    + " stores functions but cannot run them.");
        }
    }

    private static byte[] orEmptyEvent(byte[] payload) {
        return payload.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : payload;
    }

    private Target resolve(FunctionRef ref) {
        return ctx.db().read(c -> {
            VersionRow row;
            if (ref.isAlias()) {
                AliasRow alias = ctx.aliases().find(c, ref.scope(), ref.name(), ref.qualifier())
                        .orElseThrow(() -> FunctionLookup.notFound(ref));
                String version = pick(alias.version(), pools.routed(c, alias));
                row = ctx.functions().version(c, ref.scope(), ref.name(), version)
                        .orElseThrow(() -> FunctionLookup.notFound(ref));
            } else { // an unqualified invoke runs $LATEST, and says so when the function is missing
                row = lookup.resolve(c, ref.qualifier() == null ? ref.withQualifier(VersionRow.LATEST) : ref);
            }
            List<Path> layers = new ArrayList<>();
            for (JsonNode layer : row.config().path("Layers")) {
                var m = LayerResolver.LAYER_VERSION_ARN.matcher(layer.path("Arn").asText());
                if (m.matches()) {
                    ctx.layers().version(c, new Scope(m.group(2), m.group(1)), m.group(3), Long.parseLong(m.group(4)))
                            .ifPresent(l -> layers.add(ctx.blobs().path(l.zipSha())));
                }
            }
            return new Target(row, EnvironmentCodec.unseal(ctx.secrets(), row.env()), layers,
                    ctx.functions().reservedConcurrency(c, ref.scope(), ref.name()));
        });
    }

    /** Weighted routing: the additional version gets its weight's share of invocations. */
    private static String pick(String primary, Map<String, Double> routing) {
        for (Map.Entry<String, Double> extra : routing.entrySet()) {
            if (ThreadLocalRandom.current().nextDouble() < extra.getValue()) {
                return extra.getKey();
            }
        }
        return primary;
    }

    private InvocationRequest invocation(FunctionRef ref, Target target, byte[] payload, boolean tail,
            String requestId) {
        VersionRow row = target.row();
        return new InvocationRequest(row.function(), row.version(), ref.qualifiedArn(),
                row.config().path("Runtime").asText(), row.config().path("Handler").asText(),
                row.config().path("MemorySize").asInt(128), row.config().path("Timeout").asInt(3),
                target.environment(), ctx.blobs().path(row.codeSha()), row.config().path("CodeSha256").asText(),
                target.layers(), payload, tail, snapStart(row), fileSystems(row), requestId);
    }

    /**
     * The directories that stand in for the version's EFS access points, by mount path:
     * {@code <home>/file-systems/<region>/<account>/<access point id>}, shared by every function that mounts it.
     */
    private Map<String, Path> fileSystems(VersionRow row) {
        Map<String, Path> mounts = new java.util.LinkedHashMap<>();
        for (JsonNode fileSystem : row.config().path("FileSystemConfigs")) {
            // arn:aws:elasticfilesystem:<region>:<account>:access-point/<id>
            String[] arn = fileSystem.path("Arn").asText().split(":", 6);
            if (arn.length == 6) {
                mounts.put(fileSystem.path("LocalMountPath").asText(), fileSystemRoot.resolve(arn[3]).resolve(arn[4])
                        .resolve(arn[5].substring(arn[5].indexOf('/') + 1)));
            }
        }
        return mounts;
    }

    /** A published version of a Java function with SnapStart on published versions. */
    static boolean snapStart(VersionRow row) {
        return !row.version().equals(VersionRow.LATEST)
                && row.config().path("SnapStart").path("ApplyOn").asText("None").equals("PublishedVersions")
                && row.config().path("Runtime").asText("").startsWith("java");
    }

    private AtomicInteger acquire(Target target) {
        AtomicInteger counter = inFlight(target.row().scope(), target.row().function());
        if (!tryAcquire(counter, target.reserved())) {
            throw throttled();
        }
        return counter;
    }

    private AtomicInteger inFlight(Scope scope, String function) {
        return inFlight.computeIfAbsent(Arns.function(scope, function), k -> new AtomicInteger());
    }

    /** Takes a slot of the function's concurrency, within its reserved concurrency when it has one. */
    /**
     * After a successful update, when {@code enabled}: an environment of the new {@code $LATEST} starts at once
     * ({@link dev.lambdamaven.emulator.EmulatorOptions#warmAfterUpdate()}).
     */
    Router.Followup warmLatestAfterUpdate(boolean enabled) {
        return (request, response) -> {
            if (enabled && runtime != null && response.status() == 200) {
                runtime.prestart(template(FunctionRef.parse(request.path("name"), VersionRow.LATEST, request.scope())));
            }
        };
    }

    private static boolean tryAcquire(AtomicInteger counter, Integer reserved) {
        if (counter.incrementAndGet() > (reserved == null ? Integer.MAX_VALUE : reserved)) {
            counter.decrementAndGet();
            return false;
        }
        return true;
    }

    private static ApiException throttled() {
        return new ApiException(429, "TooManyRequestsException", "Rate Exceeded.",
                Map.of("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded"));
    }

    private static String header(ApiRequest request, String name, String fallback) {
        String value = request.header(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static byte[] lastBytes(byte[] bytes, int max) {
        return bytes.length <= max ? bytes : java.util.Arrays.copyOfRange(bytes, bytes.length - max, bytes.length);
    }
}
