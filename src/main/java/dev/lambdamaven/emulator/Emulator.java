package dev.lambdamaven.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.lambdamaven.emulator.ec2.Ec2Handler;
import dev.lambdamaven.emulator.ec2.VpcCatalog;
import dev.lambdamaven.emulator.http.DaemonServers;
import dev.lambdamaven.emulator.http.FrontDoor;
import dev.lambdamaven.emulator.lambda.Arns;
import dev.lambdamaven.emulator.lambda.LambdaContext;
import dev.lambdamaven.emulator.lambda.LambdaRoutes;
import dev.lambdamaven.emulator.s3.S3Handler;
import dev.lambdamaven.emulator.s3.S3Store;
import dev.lambdamaven.emulator.store.AliasStore;
import dev.lambdamaven.emulator.store.BlobCollector;
import dev.lambdamaven.emulator.store.BlobStore;
import dev.lambdamaven.emulator.store.Database;
import dev.lambdamaven.emulator.store.FunctionStore;
import dev.lambdamaven.emulator.store.LayerStore;
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

/**
 * The local Lambda service: an HTTP server on loopback speaking the Lambda REST API (plus minimal S3 and EC2
 * describe calls) over durable state in a directory. Every thread it starts is a daemon thread.
 */
public final class Emulator implements AutoCloseable {

    private static final int HTTP_THREADS = 16;
    private static final int DB_CONNECTIONS = HTTP_THREADS + 2;

    private final HttpServer server;
    private final ThreadPoolExecutor httpExecutor;
    private final ThreadPoolExecutor asyncInvokes;
    private final Database db;
    private final BlobCollector blobCollector;
    private final URI endpoint;
    private final EmulatorOptions options;

    private Emulator(EmulatorOptions options, HttpServer server, ThreadPoolExecutor httpExecutor,
            ThreadPoolExecutor asyncInvokes, Database db, BlobCollector blobCollector) {
        this.options = options;
        this.server = server;
        this.httpExecutor = httpExecutor;
        this.asyncInvokes = asyncInvokes;
        this.db = db;
        this.blobCollector = blobCollector;
        this.endpoint = URI.create("http://" + hostForUri(options.host()) + ":" + server.getAddress().getPort());
    }

    public static Emulator start(EmulatorOptions options) throws IOException {
        // The JDK server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs add ~40 ms to every keep-alive response. Read once, when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Path stateDir = Files.createDirectories(options.stateDir()).toRealPath();
        // a cold start is mostly loading SQLite's native library and Jackson's classes: do them side by side
        FutureTask<Database> opening = new FutureTask<>(() -> Database.open(stateDir.resolve("emulator.db"),
                DB_CONNECTIONS));
        Thread opener = new Thread(opening, "lambda-emulator-db-open");
        opener.setDaemon(true);
        opener.start();
        Database db = null;
        ThreadPoolExecutor httpExecutor = null;
        ThreadPoolExecutor async = null;
        try {
            BlobStore blobs = new BlobStore(stateDir);
            SecretBox secrets = SecretBox.open(stateDir);
            VpcCatalog vpc = VpcCatalog.load(stateDir, options.region());
            HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
            httpExecutor = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 30, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(1024), daemonThreads("lambda-emulator-http"),
                    new ThreadPoolExecutor.CallerRunsPolicy());
            httpExecutor.allowCoreThreadTimeOut(true);
            async = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                    daemonThreads("lambda-emulator-event"));
            async.allowCoreThreadTimeOut(true);
            db = opened(opening, stateDir);
            // its thread starts with the first request, below
            BlobCollector collector = new BlobCollector(db, blobs, options.blobGracePeriod());
            Emulator emulator = new Emulator(options, server, httpExecutor, async, db, collector);
            S3Store s3 = new S3Store();
            LambdaContext ctx = new LambdaContext(options, new Arns(options.region(), options.accountId()), db, blobs,
                    collector, secrets, new FunctionStore(), new AliasStore(), new TagStore(), new LayerStore(), s3,
                    vpc, emulator::endpoint);
            server.createContext("/", new FrontDoor(
                    LambdaRoutes.router(ctx, options.functionRuntime(), async, stateDir.toString()),
                    new Ec2Handler(vpc), new S3Handler(db, blobs, collector, s3)));
            server.setExecutor(httpExecutor);
            DaemonServers.start(server, "lambda-emulator-start");
            collector.request(); // in the background: what earlier runs or crashes left
            return emulator;
        } catch (IOException | RuntimeException e) {
            closeWhenOpened(opening);
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
        server.stop(0);
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
