package dev.lambdamaven.emulator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * The Lambda Runtime API (version 2018-06-01) for every environment of one {@link LocalFunctionRuntime}, on a
 * loopback port. Each environment gets {@code AWS_LAMBDA_RUNTIME_API=127.0.0.1:<port>/<environment id>}: the
 * runtime clients build their URLs as {@code http://} + that value + {@code /2018-06-01/...}, so the first path
 * segment tells which environment is calling.
 */
final class RuntimeApiServer implements AutoCloseable {

    static final String API_VERSION = "2018-06-01";
    /** AWS's limit for a synchronous response. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * The JDK server writes headers and body separately; with Nagle's algorithm on, the second write waits for
     * the client's delayed ACK (~40 ms, twice per invocation). The JDK reads this property once, when its first
     * server is created in the JVM: whoever creates an HttpServer first should set it (the emulator does).
     */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final Map<String, ExecutionEnvironment> environments = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final HttpServer server;

    RuntimeApiServer() throws IOException {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-runtime-api-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        startAsDaemon(server);
    }

    /** The JDK server's dispatcher thread inherits daemon status from the thread that starts it. */
    private static void startAsDaemon(HttpServer server) throws IOException {
        Thread starter = new Thread(server::start, "lambda-runtime-api-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the Runtime API server", e);
        }
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API} for an environment. */
    String endpointFor(ExecutionEnvironment environment) {
        return "127.0.0.1:" + server.getAddress().getPort() + "/" + environment.id;
    }

    void register(ExecutionEnvironment environment) {
        environments.put(environment.id, environment);
    }

    void unregister(ExecutionEnvironment environment) {
        environments.remove(environment.id);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            // "", envId, 2018-06-01, runtime, ...
            ExecutionEnvironment env = path.length > 4 && API_VERSION.equals(path[2]) && "runtime".equals(path[3])
                    ? environments.get(path[1]) : null;
            if (env == null) {
                send(exchange, 404, error("ResourceNotFound", "No such environment or route"));
                return;
            }
            String method = exchange.getRequestMethod();
            if (path.length == 6 && "invocation".equals(path[4]) && "next".equals(path[5]) && "GET".equals(method)) {
                next(exchange, env);
            } else if (path.length == 7 && "invocation".equals(path[4]) && "POST".equals(method)
                    && ("response".equals(path[6]) || "error".equals(path[6]))) {
                invocationResult(exchange, env, path[5], "error".equals(path[6]));
            } else if (path.length == 6 && "init".equals(path[4]) && "error".equals(path[5]) && "POST".equals(method)) {
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
        send(exchange, 200, inv.request.payload());
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
        server.stop(0);
        executor.shutdownNow();
    }
}
