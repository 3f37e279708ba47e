package dev.lambdamaven.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Ids;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.runtime.InvocationRequest;
import dev.lambdamaven.emulator.runtime.InvocationResult;
import dev.lambdamaven.emulator.runtime.LocalRuntimeException;
import dev.lambdamaven.emulator.store.AtomicFile;
import dev.lambdamaven.emulator.store.OwnerOnly;
import dev.lambdamaven.emulator.store.VersionRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event invocations as Lambda's asynchronous invocation runs them: up to {@code MaximumRetryAttempts} retries after a
 * function error (default 2), none once the event is older than {@code MaximumEventAgeInSeconds} (default 6 hours),
 * then an invocation record to the {@code OnSuccess} or {@code OnFailure} destination and the event to the
 * dead-letter target, as the Lambda developer guide describes them ("Capturing records of Lambda asynchronous
 * invocations"; the record's shape is its example, invocation-async.md in awsdocs/aws-lambda-developer-guide).
 * <ul>
 * <li>A destination that is a function is invoked locally, asynchronously, with the record as its event.
 * <li>Any other destination (a queue, topic, bus or bucket) and every dead-letter target gets a file under
 * {@code <home>/deliveries/<target ARN, ':' and '/' as '_'>/}, one per message, that tests read.
 * </ul>
 * A chain of function destinations is a loop Lambda stops: the invocation that would be the 17th of one chain is not
 * run but goes to the failure destination and dead-letter target (condition {@code RecursiveInvocation}), unless the
 * function's recursion config says {@code Allow}.
 * Retries wait {@code retryDelay} after the first failure and twice that after the second (AWS: 1 and 2 minutes); a
 * throttled event waits {@code retryDelay / 60} at first, doubling up to {@code 5 x retryDelay} (AWS: 1 s to 5 min).
 */
final class AsyncInvocations {

    private static final Logger LOG = Logger.getLogger(AsyncInvocations.class.getName());
    private static final int DEFAULT_RETRIES = 2;
    private static final int DEFAULT_MAX_AGE_SECONDS = 21600;
    private static final String ZERO_RESERVED = "ZeroReservedConcurrency";
    /** Lambda stops the invocation that would be the 17th of one chain (the developer guide, recursive loops). */
    private static final int MAX_CHAIN = 16;
    private static final String RECURSIVE = "RecursiveInvocation";
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:(.+)");

    /** Where records go and how long retries wait. */
    record Settings(Duration retryDelay, Path deliveries) {}

    /**
     * A queued invocation: what runs, when it was queued, and its asynchronous invocation config (retries, age,
     * destinations) and dead-letter target as they were when it was queued.
     */
    record Job(FunctionRef ref, VersionRow row, InvocationRequest invocation, long queuedAt, int retries,
            int maxAgeSeconds, String onSuccess, String onFailure, String deadLetter, int chain, boolean loopsAllowed) {}

    private final LambdaContext ctx;
    private final InvokeHandler invoke;
    private final Settings settings;

    AsyncInvocations(LambdaContext ctx, InvokeHandler invoke, Settings settings) {
        this.ctx = ctx;
        this.invoke = invoke;
        this.settings = settings;
    }

    /**
     * The job of an invocation through {@code ref}: the config of the alias or version invoked ({@code $LATEST}'s for
     * the unqualified function), the dead-letter target of the version that runs.
     */
    Job job(FunctionRef ref, VersionRow row, InvocationRequest invocation, int chain) {
        String qualifier = ref.qualifier() == null ? VersionRow.LATEST : ref.qualifier();
        JsonNode[] configs = ctx.db().read(c -> new JsonNode[] {
            ctx.eventInvokeConfigs().find(c, ref.scope(), ref.name(), qualifier).map(found -> (JsonNode) found.config())
                    .orElse(Json.object()),
            ctx.recursion().find(c, ref.scope(), ref.name(), "").map(found -> (JsonNode) found.config())
                    .orElse(Json.object())});
        JsonNode config = configs[0];
        boolean loopsAllowed = configs[1].path("RecursiveLoop").asText("Terminate").equals("Allow");
        JsonNode destinations = config.path("DestinationConfig");
        return new Job(ref, row, invocation, ctx.now(), config.path("MaximumRetryAttempts").asInt(DEFAULT_RETRIES),
                config.path("MaximumEventAgeInSeconds").asInt(DEFAULT_MAX_AGE_SECONDS),
                destinations.path("OnSuccess").path("Destination").asText(null),
                destinations.path("OnFailure").path("Destination").asText(null),
                row.config().path("DeadLetterConfig").path("TargetArn").asText(null), chain, loopsAllowed);
    }

    /**
     * Runs a job to its end, on a thread of the event pool: attempts, waits between them, deliveries. A throttled
     * attempt (reserved concurrency all in use) is no attempt: the event waits and tries again, for as long as its
     * age allows; with reserved concurrency 0 it goes to the failure destination and dead-letter target at once,
     * as the developer guide says ("Capturing records of Lambda asynchronous invocations"; the record: condition
     * {@code ZeroReservedConcurrency}, no invocation, as test_lambda.snapshot.json of localstack/localstack recorded
     * on AWS).
     */
    void process(Job job) {
        InvocationResult last = null;
        int attempts = 0;
        long throttledWait = Math.max(1, settings.retryDelay().toMillis() / 60);
        try {
            if (job.chain() >= MAX_CHAIN && !job.loopsAllowed()) {
                LOG.warning("Recursive loop stopped: " + job.invocation().functionName() + " would run as invocation "
                        + (job.chain() + 1) + " of one chain of destinations (RecursiveLoop Terminate); its event"
                        + " goes to its failure destination");
                failed(job, RECURSIVE, 0, null);
                return;
            }
            while (true) {
                if (ctx.now() - job.queuedAt() > job.maxAgeSeconds() * 1000L) {
                    failed(job, "EventAgeExceeded", attempts, last);
                    return;
                }
                Integer reserved = invoke.reservedConcurrency(job.ref());
                if (reserved != null && reserved == 0) {
                    failed(job, ZERO_RESERVED, attempts, last);
                    return;
                }
                InvocationResult result = invoke.attempt(job.ref(), job.invocation(), reserved);
                if (result == null) { // AWS: from 1 s, doubling up to 5 minutes, against a 1 minute retry delay
                    Thread.sleep(throttledWait);
                    throttledWait = Math.min(throttledWait * 2, settings.retryDelay().toMillis() * 5);
                    continue;
                }
                attempts++;
                last = result;
                if (last.functionError() == null) {
                    deliver(job, job.onSuccess(), record(job, "Success", attempts, last));
                    return;
                }
                if (attempts > job.retries()) {
                    failed(job, "RetriesExhausted", attempts, last);
                    return;
                }
                Thread.sleep(settings.retryDelay().toMillis() * attempts);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the emulator is stopping: the event is dropped with it
        } catch (LocalRuntimeException | ApiException e) {
            LOG.log(Level.WARNING, "asynchronous invocation of " + job.invocation().functionName()
                    + " cannot run here: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "asynchronous invocation of " + job.invocation().functionName() + " failed", e);
        }
    }

    private void failed(Job job, String condition, int attempts, InvocationResult last) {
        deliver(job, job.onFailure(), record(job, condition, attempts, last));
        if (job.deadLetter() != null && !job.deadLetter().isEmpty()) {
            ObjectNode message = Json.object();
            message.put("Body", new String(job.invocation().payload(), java.nio.charset.StandardCharsets.UTF_8));
            ObjectNode attributes = message.putObject("MessageAttributes");
            attributes.put("RequestID", job.invocation().requestId());
            attributes.put("ErrorCode", "200");
            // the zero-concurrency text as AWS words it (typo included), after other emulators' recordings
            attributes.put("ErrorMessage", condition.equals(ZERO_RESERVED) ? "Function not invoked. Function is"
                    + "configured with zero reserved concurrent executions" : last == null ? "Event age exceeded"
                    : errorMessage(last));
            record(job.deadLetter(), message, job.invocation().requestId());
        }
    }

    private static String errorMessage(InvocationResult result) {
        JsonNode error = parsed(result.payload());
        return error.path("errorMessage").asText(error.isTextual() ? error.asText() : "Unhandled");
    }

    /** Lambda's invocation record (version 1.0). */
    private ObjectNode record(Job job, String condition, int attempts, InvocationResult last) {
        ObjectNode record = Json.object();
        record.put("version", "1.0");
        record.put("timestamp", Instant.ofEpochMilli(ctx.now()).toString());
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", job.invocation().requestId());
        request.put("functionArn", Arns.function(job.ref().scope(), job.ref().name(), job.row().version()));
        request.put("condition", condition);
        request.put("approximateInvokeCount", attempts);
        record.set("requestPayload", parsed(job.invocation().payload()));
        if (last != null) {
            ObjectNode response = record.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", job.row().version());
            if (last.functionError() != null) {
                response.put("functionError", last.functionError());
            }
            if (last.payload() != null && last.payload().length > 0) {
                record.set("responsePayload", parsed(last.payload()));
            }
        }
        return record;
    }

    private static JsonNode parsed(byte[] payload) {
        try {
            return Json.parse(payload);
        } catch (ApiException e) {
            return Json.object().textNode(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Sends a record to a destination: a function is invoked (as an Event), anything else is recorded. */
    private void deliver(Job job, String destination, ObjectNode record) {
        if (destination == null || destination.isEmpty()) {
            return;
        }
        Matcher function = FUNCTION_ARN.matcher(destination);
        if (!function.matches()) {
            record(destination, record, job.invocation().requestId());
            return;
        }
        try {
            FunctionRef target = FunctionRef.parse(destination, null, new Scope(function.group(2), function.group(1)));
            invoke.queue(target, Json.bytes(record), Ids.uuid(), job.chain() + 1);
        } catch (ApiException e) { // AWS counts it in its DestinationDeliveryFailures metric
            LOG.log(Level.WARNING, "the destination " + destination + " of " + job.invocation().functionName()
                    + " cannot be invoked: " + e.getMessage());
        }
    }

    /** A message to a target the emulator does not run, as a file a test can read. */
    private void record(String target, JsonNode message, String requestId) {
        Path dir = settings.deliveries().resolve(target.replaceAll("[:/]", "_"));
        try {
            OwnerOnly.directory(settings.deliveries());
            OwnerOnly.directory(dir);
            AtomicFile.write(dir.resolve(ctx.now() + "-" + requestId + ".json"), Json.bytes(message));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot record a message for " + target + " in " + dir, e);
        }
    }
}
