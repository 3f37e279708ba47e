package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The single HTTP entry point: tells Lambda (dated REST paths), EC2 (form POST on {@code /}) and S3
 * (everything else, path style) apart, runs the handler and writes its answer. Errors never leak a stack
 * trace: an unexpected failure is a 500 {@code ServiceException} with the request id.
 */
public final class FrontDoor implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(FrontDoor.class.getName());
    private static final Pattern LAMBDA_API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Router lambda;
    private final Router.Route ec2;
    private final Router.Route s3;

    public FrontDoor(Router lambda, Router.Route ec2, Router.Route s3) {
        this.lambda = lambda;
        this.ec2 = ec2;
        this.s3 = s3;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = Ids.uuid();
        ApiResponse response;
        try (InputStream body = exchange.getRequestBody()) {
            List<String> segments = PathCodec.segments(exchange.getRequestURI().getRawPath());
            ApiRequest request = new ApiRequest(exchange.getRequestMethod(), segments,
                    PathCodec.query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body,
                    requestId, Map.of());
            response = dispatch(request);
            body.transferTo(OutputStream.nullOutputStream());
        } catch (ApiException e) {
            response = error(e);
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "request " + requestId + " failed", e);
            response = error(new ApiException(500, "ServiceException",
                    "An internal error occurred (request " + requestId + ")"));
        }
        write(exchange, response, requestId);
    }

    private ApiResponse dispatch(ApiRequest request) throws IOException {
        List<String> segments = request.segments();
        try {
            if (!segments.isEmpty() && (LAMBDA_API_VERSION.matcher(segments.get(0)).matches()
                    || segments.get(0).equals("__emulator"))) {
                return lambda(request);
            }
            if (segments.isEmpty() && request.method().equals("POST")) {
                return ec2.handle(request);
            }
            return s3.handle(request);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiResponse lambda(ApiRequest request) throws Exception {
        Router.Route[] route = new Router.Route[1];
        ApiRequest bound = lambda.bind(request, route);
        if (bound == null) {
            throw new ApiException(404, "UnknownOperationException",
                    "Unknown operation " + request.method() + " /" + String.join("/", request.segments()));
        }
        return route[0].handle(bound);
    }

    static ApiResponse error(ApiException e) {
        ObjectNode body = Json.object();
        body.put("Type", e.faultType());
        body.put("message", e.getMessage());
        e.extraFields().forEach(body::put);
        return ApiResponse.json(e.status(), body).header("x-amzn-ErrorType", e.type());
    }

    private static void write(HttpExchange exchange, ApiResponse response, String requestId) throws IOException {
        try {
            var headers = exchange.getResponseHeaders();
            headers.set("x-amzn-RequestId", requestId);
            headers.set("x-amz-request-id", requestId);
            response.headers().forEach(headers::set);
            boolean noBody = response.status() == 204 || response.status() == 304
                    || exchange.getRequestMethod().equals("HEAD");
            if (response.file() != null) {
                long size = Files.size(response.file());
                if (noBody) {
                    headers.set("Content-Length", Long.toString(size));
                    exchange.sendResponseHeaders(response.status(), -1);
                } else {
                    exchange.sendResponseHeaders(response.status(), size == 0 ? -1 : size);
                    try (OutputStream out = exchange.getResponseBody()) {
                        Files.copy(response.file(), out);
                    }
                }
            } else {
                byte[] body = response.body();
                if (noBody) {
                    if (!headers.containsKey("Content-Length")) {
                        headers.set("Content-Length", Integer.toString(body.length));
                    }
                    exchange.sendResponseHeaders(response.status(), -1);
                } else {
                    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        } finally {
            exchange.close();
        }
    }
}
