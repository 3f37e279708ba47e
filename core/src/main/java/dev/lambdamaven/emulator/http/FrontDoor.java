package dev.lambdamaven.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The single entry of the API: refuses what a local AWS client would not send ({@link RequestGate}), binds the
 * operation in the route table, runs it and answers every failure in its API's own error shape (Lambda's JSON with
 * {@code x-amzn-ErrorType}, S3's and EC2's XML), a 4xx for anything the client got wrong, never a stack trace: an
 * unexpected failure is a 500 {@code ServiceException} with the request id.
 */
public final class FrontDoor implements HttpListener.Handler {

    private static final Logger LOG = Logger.getLogger(FrontDoor.class.getName());
    private static final Pattern LAMBDA_API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Router routes;
    private final RequestGate gate;

    public FrontDoor(Router routes, RequestGate gate) {
        this.routes = routes;
        this.gate = gate;
    }

    @Override
    public ApiResponse handle(HttpListener.Request raw) {
        String requestId = Ids.uuid();
        int queryStart = raw.uri().indexOf('?');
        String rawPath = queryStart < 0 ? raw.uri() : raw.uri().substring(0, queryStart);
        Optional<Router.HostRoute> hostRoute = routes.hostRoute(raw.headers().get("Host"));
        if (hostRoute.isPresent()) {
            return serveHost(hostRoute.get(), raw, rawPath, queryStart < 0 ? "" : raw.uri().substring(queryStart + 1),
                    requestId);
        }
        String target = raw.headers().get("X-Amz-Target");
        Router.Family family = familyOf(raw.method(), rawPath, target);
        ApiResponse response;
        try {
            List<String> segments = family == Router.Family.S3 ? PathCodec.s3Segments(rawPath) : PathCodec.segments(rawPath);
            Map<String, List<String>> query = PathCodec.query(queryStart < 0 ? null : raw.uri().substring(queryStart + 1));
            gate.checkOrigin(raw.headers());
            if (family == Router.Family.KMS && !target.startsWith(Router.KMS_TARGET_PREFIX)) {
                throw notServed(target); // a function's SDK client of another JSON service, sent here by AWS_ENDPOINT_URL
            }
            Optional<Router.Match> bound = routes.bind(family, raw.method(), segments, query);
            Scope scope = switch (bound.map(Router.Match::access).orElse(Router.Access.SIGNED)) {
                case LOCAL -> gate.defaults();
                case PRESIGNED_S3 -> gate.scope(raw.headers(), query, "s3");
                case SIGNED -> gate.scope(raw.headers(), query, family.service);
            };
            if (bound.isEmpty()) {
                throw unknownOperation(family, raw.method(), rawPath);
            }
            ApiRequest request = new ApiRequest(raw.method(), segments, query, raw.headers(), raw.body(), requestId,
                    bound.get().params(), scope);
            response = bound.get().route().handle(request);
        } catch (RequestGate.Refused e) {
            response = error(family, e.status, family == Router.Family.S3 ? e.s3Code : e.type, e.getMessage(),
                    requestId);
        } catch (PathCodec.MalformedException e) {
            response = family == Router.Family.S3 ? Xml.s3Error(400, "InvalidURI", "Couldn't parse the specified URI.",
                    requestId) : error(family, 400, "InvalidRequestContentException", "The request path or query is"
                    + " not validly percent-encoded: " + e.getMessage(), requestId);
        } catch (UnreadableBodyException e) {
            response = switch (family) {
                case LAMBDA -> error(family, 400, "InvalidRequestContentException", "Could not read the request body: "
                        + e.getMessage(), requestId);
                case KMS -> error(family, 400, "SerializationException", "The request body could not be read: "
                        + e.getMessage(), requestId);
                default -> error(family, 400, "IncompleteBody", "The request body could not be read: "
                        + e.getMessage(), requestId);
            };
        } catch (ApiException e) {
            response = error(family, e, requestId);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "request " + requestId + " failed", e);
            response = error(family, 500, family == Router.Family.KMS ? "KMSInternalException" : "ServiceException",
                    "An internal error occurred (request " + requestId + ")", requestId);
        }
        return response.header("x-amzn-RequestId", requestId).header("x-amz-request-id", requestId);
    }

    @Override
    public boolean answersQuickly(io.netty.handler.codec.http.HttpHeaders headers) {
        return routes.hostRoute(headers.get("Host")).isEmpty(); // a function URL runs a function
    }

    /** A request for a host of its own (a function URL): its answers are plain JSON {@code {"Message": ...}}. */
    private static ApiResponse serveHost(Router.HostRoute route, HttpListener.Request raw, String rawPath,
            String rawQuery, String requestId) {
        RequestGate.Credential credential;
        try {
            credential = RequestGate.credential(raw.headers(), PathCodec.query(rawQuery));
        } catch (IllegalArgumentException | PathCodec.MalformedException e) {
            credential = null;
        }
        ApiResponse response;
        try {
            response = route.handle(new Router.HostRequest(raw.method(), rawPath, rawQuery, raw.headers(), raw.body(),
                    requestId, credential));
        } catch (ApiException e) {
            response = hostError(e.status(), e.type(), e.getMessage());
        } catch (UnreadableBodyException e) {
            response = hostError(400, "InvalidRequestContentException", "Could not read the request body: "
                    + e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "request " + requestId + " failed", e);
            response = hostError(500, "ServiceException", "Internal Server Error");
        }
        return response.header("x-amzn-RequestId", requestId);
    }

    private static ApiResponse hostError(int status, String type, String message) {
        return ApiResponse.json(status, Json.object().put("Message", message)).header("x-amzn-ErrorType", type);
    }

    @Override
    public ApiResponse malformed(int status, String path, String problem) {
        String requestId = Ids.uuid();
        Router.Family family = path == null ? Router.Family.LAMBDA : familyOf("GET", path, null);
        String type = switch (status) {
            case 413 -> family == Router.Family.S3 ? "EntityTooLarge" : "RequestEntityTooLargeException";
            case 429 -> family == Router.Family.S3 ? "SlowDown" : "TooManyRequestsException";
            case 500 -> family == Router.Family.S3 ? "InternalError" : "ServiceException";
            default -> family == Router.Family.S3 ? (status == 431 ? "RequestHeaderSectionTooLarge" : "BadRequest")
                    : "InvalidRequestContentException";
        };
        return error(family, status, type, status == 500 ? "An internal error occurred (request " + requestId + ")"
                : problem, requestId).header("x-amzn-RequestId", requestId).header("x-amz-request-id", requestId);
    }

    /**
     * Which API a request is for, by its path (and for a POST on {@code /}, KMS's {@code X-Amz-Target}): what decides
     * its error shape before its operation is known.
     */
    private static Router.Family familyOf(String method, String rawPath, String target) {
        String first = rawPath.replaceFirst("^/+", "");
        int slash = first.indexOf('/');
        first = slash < 0 ? first : first.substring(0, slash);
        if (LAMBDA_API_VERSION.matcher(first).matches() || first.equals("__emulator")) {
            return Router.Family.LAMBDA;
        }
        if (first.isEmpty() && method.equals("POST")) {
            return target != null ? Router.Family.KMS : Router.Family.EC2; // the JSON protocols name an X-Amz-Target
        }
        return Router.Family.S3;
    }

    private static ApiException notServed(String target) {
        int dot = target.indexOf('.');
        return new ApiException(400, "UnknownOperationException", "The Lambda emulator serves Lambda, KMS, S3 (for"
                + " code) and EC2's describe calls, not " + (dot < 0 ? target : target.substring(0, dot))
                + " (X-Amz-Target " + target + "): functions it runs reach it through AWS_ENDPOINT_URL; set"
                + " AWS_ENDPOINT_URL_<SERVICE> in the function's environment to use another local service.");
    }

    private static ApiException unknownOperation(Router.Family family, String method, String path) {
        return switch (family) {
            case LAMBDA -> new ApiException(404, "UnknownOperationException", "Unknown operation " + method + " "
                    + path);
            case S3 -> new ApiException(405, "MethodNotAllowed", "The specified method is not allowed against this"
                    + " resource.");
            case EC2 -> new ApiException(400, "InvalidAction", "The action is not valid for this web service.");
            case KMS -> new ApiException(400, "UnknownOperationException", "KMS operations are POSTed on /.");
        };
    }

    static ApiResponse error(Router.Family family, ApiException e, String requestId) {
        if (family != Router.Family.LAMBDA) {
            return error(family, e.status(), e.type(), e.getMessage(), requestId);
        }
        ObjectNode body = LambdaErrorBody.of(e.type(), e.status(), e.getMessage(), e.withFaultType());
        e.extraFields().forEach(body::put);
        return ApiResponse.json(e.status(), body).header("x-amzn-ErrorType", e.type());
    }

    private static ApiResponse error(Router.Family family, int status, String type, String message,
            String requestId) {
        return switch (family) {
            case LAMBDA -> ApiResponse.json(status, LambdaErrorBody.of(type, status, message, true))
                    .header("x-amzn-ErrorType", type);
            case S3 -> Xml.s3Error(status, type, message, requestId);
            case EC2 -> Xml.ec2Error(status, type, message, requestId);
            case KMS -> ApiResponse.bytes(status, Json.bytes(Json.object().put("__type", type).put("message", message)),
                    JSON_1_1);
        };
    }

    /** The content type of AWS's JSON 1.1 protocol (KMS), requests and answers. */
    public static final String JSON_1_1 = "application/x-amz-json-1.1";
}
