package dev.lambdamaven.emulator.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations the emulator serves, each one line: its API family (which decides the error shape and the
 * service a signature must name), method, path template such as {@code /2015-03-31/functions/{name}/versions}
 * ({@code {key+}} takes the rest of the path), the query parameters that tell it apart from operations on the
 * same path, and its handler.
 */
public final class Router {

    /** The {@code X-Amz-Target} prefix of KMS ({@code targetPrefix} in its service model). */
    public static final String KMS_TARGET_PREFIX = "TrentService.";

    /** A handler of one API operation. */
    @FunctionalInterface
    public interface Route {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    /** Work that follows an operation's answer (what the change means for running functions). */
    @FunctionalInterface
    public interface Followup {
        void after(ApiRequest request, ApiResponse response) throws Exception;
    }

    /** {@code route}, then {@code followup} with its answer, which the followup does not change. */
    public static Route then(Route route, Followup followup) {
        return request -> {
            ApiResponse response = route.handle(request);
            followup.after(request, response);
            return response;
        };
    }

    /** An API the emulator speaks: its errors' shape and its SigV4 service name. */
    public enum Family {
        LAMBDA("lambda"), S3("s3"), EC2("ec2"), KMS("kms");

        final String service;

        Family(String service) {
            this.service = service;
        }
    }

    /** Who may call an operation. */
    public enum Access {
        /** Requests signed for the family's service (every AWS CLI and SDK call). */
        SIGNED,
        /** Presigned by the emulator itself for S3 (a {@code Code.Location} link, checked by its handler). */
        PRESIGNED_S3,
        /** Anyone local: the identity the plugin reads to find a running emulator. */
        LOCAL
    }

    /**
     * Requests for host names the emulator serves besides its API (function URLs): they never reach the route table,
     * nor its signature and browser rules; the route applies its own.
     */
    public interface HostRoute {

        /** Whether requests whose {@code Host} header (port included) is {@code host} are this route's. */
        boolean serves(String host);

        ApiResponse handle(HostRequest request) throws Exception;
    }

    /**
     * A request for a {@link HostRoute}: as it arrived, with its SigV4 credential ({@code null} when it is unsigned or
     * its signature is malformed).
     */
    public record HostRequest(String method, String rawPath, String rawQuery, HttpHeaders headers, InputStream body,
            String requestId, RequestGate.Credential credential) {}

    /** A bound operation: the entry and the path parameters of this request. */
    public record Match(Family family, Access access, Route route, Map<String, String> params) {}

    private record Entry(Family family, Access access, String method, String[] template, List<String> queryKeys,
            Route route) {}

    private final List<Entry> entries = new ArrayList<>();
    private final List<HostRoute> hostRoutes = new ArrayList<>();
    private final List<Runnable> startTasks = new ArrayList<>();
    private final Map<Family, Map<String, Route>> actions = new EnumMap<>(Family.class);

    /** Work to do once the emulator listens (and its runtime knows its endpoint). */
    public Router onStart(Runnable task) {
        startTasks.add(task);
        return this;
    }

    /** Runs the start tasks, in the background. */
    public void started() {
        for (Runnable task : startTasks) {
            Thread thread = new Thread(task, "lambda-emulator-start-task");
            thread.setDaemon(true);
            thread.start();
        }
    }

    public Router host(HostRoute route) {
        hostRoutes.add(route);
        return this;
    }

    /** The route of the host a request names, if it is not the API's. */
    public Optional<HostRoute> hostRoute(String host) {
        if (host == null) {
            return Optional.empty();
        }
        return hostRoutes.stream().filter(route -> route.serves(host)).findFirst();
    }

    public Router lambda(String method, String template, Route route) {
        return add(Family.LAMBDA, Access.SIGNED, method, template, List.of(), route);
    }

    /** An S3 operation, told apart from others on its path by the presence of {@code queryKeys}. */
    public Router s3(String method, String template, List<String> queryKeys, Route route) {
        return add(Family.S3, Access.SIGNED, method, template, queryKeys, route);
    }

    /** An EC2 action: the query protocol POSTs a form on {@code /}, whose {@code Action} names the operation. */
    public Router ec2(String action, Route route) {
        return action(Family.EC2, action, route);
    }

    /**
     * A KMS operation: AWS's JSON 1.1 protocol POSTs on {@code /} with {@code X-Amz-Target: TrentService.<operation>}.
     */
    public Router kms(String operation, Route route) {
        return action(Family.KMS, operation, route);
    }

    /** An operation of a protocol that POSTs every operation on {@code /} and names it in the request. */
    private Router action(Family family, String name, Route route) {
        Map<String, Route> table = actions.get(family);
        if (table == null) {
            Map<String, Route> operations = new LinkedHashMap<>();
            actions.put(family, operations);
            add(family, Access.SIGNED, "POST", "/", List.of(), request -> {
                String operation = operationName(family, request);
                Route bound = operation == null ? null : operations.get(operation);
                if (bound == null) {
                    throw unknownAction(family, operation);
                }
                return bound.handle(request);
            });
            table = operations;
        }
        table.put(name, route);
        return this;
    }

    /** {@code Action} of an EC2 form, the operation of a KMS {@code X-Amz-Target}. */
    private static String operationName(Family family, ApiRequest request) {
        if (family == Family.EC2) {
            return request.form("Action");
        }
        String target = request.header("X-Amz-Target");
        return target != null && target.startsWith(KMS_TARGET_PREFIX)
                ? target.substring(KMS_TARGET_PREFIX.length()) : null;
    }

    private static ApiException unknownAction(Family family, String name) {
        return family == Family.EC2
                ? new ApiException(400, "InvalidAction", "The action " + name + " is not valid for this web service.")
                : new ApiException(400, "UnknownOperationException", "The operation " + name + " is not served"
                        + " by this KMS endpoint.");
    }

    public Router add(Family family, Access access, String method, String template, List<String> queryKeys,
            Route route) {
        entries.add(new Entry(family, access, method, PathCodec.segments(template).toArray(String[]::new),
                List.copyOf(queryKeys), route));
        return this;
    }

    /**
     * The operation of {@code family} for {@code method} on {@code segments} with {@code query}: among entries with a
     * matching path, the first whose query keys are all present (list the more specific first). The family comes
     * from the path's shape: one port serves APIs that AWS serves on different hosts.
     */
    public Optional<Match> bind(Family family, String method, List<String> segments, Map<String, List<String>> query) {
        for (Entry entry : entries) {
            if (entry.family != family || !entry.method.equals(method)
                    || !query.keySet().containsAll(entry.queryKeys)) {
                continue;
            }
            Map<String, String> params = match(entry.template, segments);
            if (params != null) {
                return Optional.of(new Match(entry.family, entry.access, entry.route, params));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> match(String[] template, List<String> segments) {
        boolean greedy = template.length > 0 && template[template.length - 1].endsWith("+}");
        if (greedy ? segments.size() < template.length : segments.size() != template.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (greedy && i == template.length - 1) {
                params.put(t.substring(1, t.length() - 2), String.join("/", segments.subList(i, segments.size())));
            } else if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), segments.get(i));
            } else if (!t.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }
}
