package dev.lambdamaven.emulator;

import dev.lambdamaven.emulator.ec2.Ec2Handler;
import dev.lambdamaven.emulator.ec2.VpcCatalogs;
import dev.lambdamaven.emulator.http.DeferredHandler;
import dev.lambdamaven.emulator.http.FrontDoor;
import dev.lambdamaven.emulator.http.HttpListener;
import dev.lambdamaven.emulator.http.RequestGate;
import dev.lambdamaven.emulator.http.Router;
import dev.lambdamaven.emulator.http.Scope;
import dev.lambdamaven.emulator.kms.KmsHandler;
import dev.lambdamaven.emulator.lambda.ApiRoutes;
import dev.lambdamaven.emulator.lambda.CodeLinks;
import dev.lambdamaven.emulator.lambda.LambdaContext;
import dev.lambdamaven.emulator.lambda.Transitions;
import dev.lambdamaven.emulator.lambda.StateDelays;
import dev.lambdamaven.emulator.s3.S3Handler;
import dev.lambdamaven.emulator.s3.S3Store;
import dev.lambdamaven.emulator.store.AliasStore;
import dev.lambdamaven.emulator.store.BlobCollector;
import dev.lambdamaven.emulator.store.BlobStore;
import dev.lambdamaven.emulator.store.CodeSigningStore;
import dev.lambdamaven.emulator.store.Database;
import dev.lambdamaven.emulator.store.EventSourceMappingStore;
import dev.lambdamaven.emulator.store.FunctionConfigStore;
import dev.lambdamaven.emulator.store.FunctionStore;
import dev.lambdamaven.emulator.store.FunctionUrlStore;
import dev.lambdamaven.emulator.store.LayerStore;
import dev.lambdamaven.emulator.store.OwnerOnly;
import dev.lambdamaven.emulator.store.PolicyStore;
import dev.lambdamaven.emulator.store.ProvisionedConcurrencyStore;
import dev.lambdamaven.emulator.store.SecretBox;
import dev.lambdamaven.emulator.store.TagStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local Lambda service: an HTTP server on loopback speaking the Lambda REST API (plus minimal S3, EC2
 * describe calls and the KMS calls of secrets encrypted in transit) over durable state in a directory, kept per account and region as AWS keeps it. Every thread it starts is a daemon thread.
 */
public final class Emulator implements AutoCloseable {

    private static final int HTTP_THREADS = 16;
    private static final int DB_CONNECTIONS = HTTP_THREADS + 2;

    private final HttpListener listener;
    private final ThreadPoolExecutor httpExecutor;
    private final ThreadPoolExecutor asyncInvokes;
    private final Database db;
    private final BlobCollector blobCollector;
    private final URI endpoint;
    private final EmulatorOptions options;

    private Emulator(EmulatorOptions options, HttpListener listener, ThreadPoolExecutor httpExecutor,
            ThreadPoolExecutor asyncInvokes, Database db, BlobCollector blobCollector) {
        this.options = options;
        this.listener = listener;
        this.httpExecutor = httpExecutor;
        this.asyncInvokes = asyncInvokes;
        this.db = db;
        this.blobCollector = blobCollector;
        this.endpoint = URI.create("http://" + hostForUri(options.host()) + ":" + listener.port());
    }

    public static Emulator start(EmulatorOptions options) throws IOException {
        Path stateDir = OwnerOnly.directory(options.stateDir()).toRealPath();
        // a cold start is mostly loading SQLite's native library and the HTTP server's classes: do them side by side
        FutureTask<Database> opening = new FutureTask<>(() -> Database.open(stateDir.resolve("emulator.db"),
                DB_CONNECTIONS));
        Thread opener = new Thread(opening, "lambda-emulator-db-open");
        opener.setDaemon(true);
        opener.start();
        Database db = null;
        DeferredHandler deferred = new DeferredHandler();
        HttpListener listener = null;
        ThreadPoolExecutor httpExecutor = null;
        ThreadPoolExecutor async = null;
        try {
            BlobStore blobs = new BlobStore(stateDir);
            SecretBox secrets = SecretBox.open(stateDir);
            VpcCatalogs vpc = new VpcCatalogs(stateDir);
            httpExecutor = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 30, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(1024), daemonThreads("lambda-emulator-http"));
            httpExecutor.allowCoreThreadTimeOut(true);
            async = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                    daemonThreads("lambda-emulator-event"));
            async.allowCoreThreadTimeOut(true);
            // bound now, so that loading the HTTP server's classes overlaps the database's opening; a request that
            // arrives before the API below is built waits for it
            listener = HttpListener.start(options.host(), options.port(), "lambda-emulator", deferred, httpExecutor,
                    HttpListener.Limits.defaults());
            db = opened(opening, stateDir);
            // its thread starts with the first request, below
            BlobCollector collector = new BlobCollector(db, blobs, options.blobGracePeriod());
            S3Store s3 = new S3Store();
            AtomicReference<URI> endpoint = new AtomicReference<>(); // known once the listener is bound
            StateDelays delays = new StateDelays(options.activationDelay(), options.vpcActivationDelay(),
                    options.updateDelay());
            LambdaContext ctx = new LambdaContext(delays, db, blobs, collector, secrets, new FunctionStore(),
                    new AliasStore(), new TagStore(), new LayerStore(), s3, vpc, new CodeLinks(endpoint::get),
                    new PolicyStore(), new FunctionConfigStore(FunctionConfigStore.EVENT_INVOKE), new FunctionUrlStore(),
                    new ProvisionedConcurrencyStore(), new FunctionConfigStore(FunctionConfigStore.RECURSION),
                    new FunctionConfigStore(FunctionConfigStore.RUNTIME_MANAGEMENT), new CodeSigningStore(),
                    new EventSourceMappingStore(), new Transitions());
            Router routes = ApiRoutes.router(ctx, options.functionRuntime(), async, stateDir,
                    options.asyncRetryDelay(), options.warmAfterUpdate(),
                    new S3Handler(db, blobs, collector, s3), new Ec2Handler(vpc), new KmsHandler(db, secrets));
            RequestGate gate = new RequestGate(options.host(), new Scope(options.accountId(), options.region()));
            Emulator emulator = new Emulator(options, listener, httpExecutor, async, db, collector);
            endpoint.set(emulator.endpoint());
            if (options.functionRuntime() != null) {
                options.functionRuntime().serviceEndpoint(emulator.endpoint());
            }
            deferred.ready(new FrontDoor(routes, gate)); // once code links and functions know the endpoint
            routes.started(); // provisioned concurrency's environments
            collector.request(); // in the background: what earlier runs or crashes left
            return emulator;
        } catch (IOException | RuntimeException e) {
            deferred.failed();
            closeWhenOpened(opening);
            if (listener != null) {
                listener.close();
            }
            if (httpExecutor != null) {
                httpExecutor.shutdownNow();
            }
            if (async != null) {
                async.shutdownNow();
            }
            throw e;
        }
    }

    private static Database opened(FutureTask<Database> opening, Path stateDir) throws IOException {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the emulator database in " + stateDir, e);
        } catch (ExecutionException e) {
            throw new IOException("cannot open the emulator database in " + stateDir + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** On a failed start: the database may still be opening on its own thread; close it once it is open. */
    private static void closeWhenOpened(FutureTask<Database> opening) {
        try {
            opening.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // it did not open: nothing to close
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The base URL clients pass as endpoint override, e.g. {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        return endpoint;
    }

    public EmulatorOptions options() {
        return options;
    }

    /** The collector of unreferenced blobs (tests wait for its passes). */
    BlobCollector blobCollector() {
        return blobCollector;
    }

    /**
     * Stops accepting requests, lets running ones finish briefly, stops threads (the blob collector's too),
     * closes the function runtime (so no execution environment outlives the emulator) and closes the database.
     */
    @Override
    public void close() {
        listener.close();
        httpExecutor.shutdown();
        asyncInvokes.shutdownNow();
        try {
            httpExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        httpExecutor.shutdownNow();
        blobCollector.close();
        if (options.functionRuntime() != null) {
            options.functionRuntime().close();
        }
        db.close();
    }

}
