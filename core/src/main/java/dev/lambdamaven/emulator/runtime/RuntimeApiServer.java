package dev.lambdamaven.emulator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdamaven.emulator.http.DaemonServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API (version 2018-06-01) for the environments of one {@link LocalFunctionRuntime}, on
 * loopback ports. Two ways to tell environments apart:
 * <ul>
 *   <li>Java environments share one port and get {@code AWS_LAMBDA_RUNTIME_API=127.0.0.1:<port>/<environment id>}:
 *       the Java runtime interface client builds its URLs as {@code http://} + that value + {@code /2018-06-01/...}
 *       (tested), so the first path segment names the environment, an unguessable id.</li>
 *   <li>Custom runtimes get a port of their own and a plain {@code host:port}, the only form AWS promises: many
 *       bootstrap scripts and runtime libraries split it into host and port.</li>
 * </ul>
 */
final class RuntimeApiServer implements AutoCloseable {

    static final String API_VERSION = "2018-06-01";
    /** AWS's limit for a synchronous response. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * The JDK server writes headers and body separately; with Nagle's algorithm on, the second write waits for
     * the client's delayed ACK (~40 ms, twice per invocation). The JDK reads this property once, when its first
     * server is created in the JVM: whoever creates an HttpServer first must have set it (the emulator's own server
     * should set it before it starts; loading this class first also does).
     */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final Map<String, ExecutionEnvironment> environments = new ConcurrentHashMap<>();
    private final Map<String, HttpServer> dedicatedServers = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final HttpServer server;

    RuntimeApiServer() throws IOException {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-runtime-api-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = startServer(exchange -> handle(exchange, null));
    }

    private HttpServer startServer(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        created.createContext("/", handler);
        created.setExecutor(executor);
        DaemonServers.start(created, "lambda-runtime-api-start");
        return created;
    }

    /** Registers an environment on the shared port; returns its {@code AWS_LAMBDA_RUNTIME_API} value. */
    String registerWithPathPrefix(ExecutionEnvironment environment) {
        environments.put(environment.id, environment);
        return "127.0.0.1:" + server.getAddress().getPort() + "/" + environment.id;
    }

    /** Registers an environment on a port of its own; returns its {@code AWS_LAMBDA_RUNTIME_API} value. */
    String registerWithOwnPort(ExecutionEnvironment environment) throws IOException {
        HttpServer own = startServer(exchange -> handle(exchange, environment));
        dedicatedServers.put(environment.id, own);
        return "127.0.0.1:" + own.getAddress().getPort();
    }

    void unregister(ExecutionEnvironment environment) {
        environments.remove(environment.id);
        HttpServer own = dedicatedServers.remove(environment.id);
        if (own != null) {
            own.stop(0);
        }
    }

    /** Serves one request; {@code owner} is the environment of a dedicated port, or null on the shared port. */
    private void handle(HttpExchange exchange, ExecutionEnvironment owner) throws IOException {
        try (exchange) {
            String[] segments = exchange.getRequestURI().getPath().split("/");
            // shared port: "", envId, 2018-06-01, runtime, ...; own port: "", 2018-06-01, runtime, ...
            ExecutionEnvironment env = owner != null ? owner
                    : segments.length > 1 ? environments.get(segments[1]) : null;
            int from = owner != null ? 1 : 2;
            String[] path = from <= segments.length
                    ? java.util.Arrays.copyOfRange(segments, from, segments.length) : new String[0];
            // path: 2018-06-01, runtime, <route...>
            if (env == null || path.length < 3 || !API_VERSION.equals(path[0]) || !"runtime".equals(path[1])) {
                send(exchange, 404, error("ResourceNotFound", "No such environment or route"));
                return;
            }
            String method = exchange.getRequestMethod();
            if (path.length == 4 && "invocation".equals(path[2]) && "next".equals(path[3]) && "GET".equals(method)) {
                next(exchange, env);
            } else if (path.length == 5 && "invocation".equals(path[2]) && "POST".equals(method)
                    && ("response".equals(path[4]) || "error".equals(path[4]))) {
                invocationResult(exchange, env, path[3], "error".equals(path[4]));
            } else if (path.length == 4 && "restore".equals(path[2]) && "next".equals(path[3])
                    && "GET".equals(method)) {
                // SnapStart (the runtime client, with AWS_LAMBDA_INITIALIZATION_TYPE=snap-start): the checkpoint
                if (env.awaitRestore()) {
                    send(exchange, 200, new byte[0]);
                } else {
                    send(exchange, 410, error("EnvironmentStopped", "The execution environment is stopping"));
                }
            } else if (path.length == 4 && "restore".equals(path[2]) && "error".equals(path[3])
                    && "POST".equals(method)) {
                env.restoreFailed(errorDocument(exchange));
                send(exchange, 202, ACCEPTED);
            } else if (path.length == 4 && "init".equals(path[2]) && "error".equals(path[3]) && "POST".equals(method)) {
                env.initFailed(errorDocument(exchange));
                send(exchange, 202, ACCEPTED);
            } else {
                send(exchange, 404, error("ResourceNotFound", "Unknown Runtime API route " + method + " "
                        + exchange.getRequestURI().getPath()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void next(HttpExchange exchange, ExecutionEnvironment env) throws IOException, InterruptedException {
        PendingInvocation inv = env.awaitNext();
        if (inv == null) {
            send(exchange, 410, error("EnvironmentStopped", "The execution environment is stopping"));
            return;
        }
        var headers = exchange.getResponseHeaders();
        // the runtime interface client's native part crashes (SIGSEGV) without a Content-Type: always send it
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", inv.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(inv.deadlineEpochMillis));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", inv.request.invokedArn());
        headers.set("Lambda-Runtime-Trace-Id", inv.traceId);
        send(exchange, 200, inv.request.payload() == null ? new byte[0] : inv.request.payload());
    }

    private static void invocationResult(HttpExchange exchange, ExecutionEnvironment env, String requestId,
            boolean isError) throws IOException {
        byte[] body = isError ? errorDocument(exchange) : readBody(exchange, MAX_RESPONSE_BYTES + 1);
        Outcome outcome;
        if (isError) {
            outcome = new Outcome(Outcome.Kind.FUNCTION_ERROR, body);
        } else if (body.length > MAX_RESPONSE_BYTES) {
            outcome = new Outcome(Outcome.Kind.FUNCTION_ERROR,
                    LambdaErrors.responseTooLarge(body.length, MAX_RESPONSE_BYTES));
        } else {
            outcome = new Outcome(Outcome.Kind.RESPONSE, body);
        }
        if (env.post(requestId, outcome)) {
            send(exchange, 202, ACCEPTED);
        } else {
            send(exchange, 400, error("InvalidRequestID", "Invalid request ID: " + requestId));
        }
    }

    /** An error document as the runtime posted it, or one built from its error-type header when it sent none. */
    private static byte[] errorDocument(HttpExchange exchange) throws IOException {
        byte[] body = readBody(exchange, MAX_RESPONSE_BYTES);
        if (body.length > 0) {
            return body;
        }
        return LambdaErrors.fromHeader(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
    }

    private static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readNBytes(limit);
        }
    }

    private static byte[] error(String type, String message) {
        return LambdaErrors.document(type, message);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        dedicatedServers.values().forEach(own -> own.stop(0));
        dedicatedServers.clear();
        server.stop(0);
        executor.shutdownNow();
        try {
            // handlers still answering environments that were stopped must finish before close returns: inside
            // Maven the plugin's classes can no longer be loaded once the build has ended
            executor.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
