package dev.lambdamaven.config;

import java.util.List;
import java.util.Set;

/**
 * The alias's function URL (CreateFunctionUrlConfig): who may call it ({@code AWS_IAM}: signed requests;
 * {@code NONE}: anyone, with a resource-based permission for principal {@code *}), how the answer is sent
 * ({@code BUFFERED}, Lambda's default, or {@code RESPONSE_STREAM}) and its CORS rules ({@code null}: none).
 */
public record FunctionUrlSpec(String authType, String invokeMode, Cors cors) {

    public static final Set<String> AUTH_TYPES = Set.of("AWS_IAM", "NONE");
    public static final Set<String> INVOKE_MODES = Set.of("BUFFERED", "RESPONSE_STREAM");

    /** CORS as the API reference's Cors shape, each list at most 100 entries, maxAge 0 to 86400 seconds. */
    public record Cors(Boolean allowCredentials, List<String> allowHeaders, List<String> allowMethods,
                       List<String> allowOrigins, List<String> exposeHeaders, Integer maxAge) {

        private static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "PATCH", "DELETE", "*");

        public Cors {
            allowHeaders = sorted(allowHeaders, "allowHeaders");
            allowMethods = sorted(allowMethods, "allowMethods");
            allowOrigins = sorted(allowOrigins, "allowOrigins");
            exposeHeaders = sorted(exposeHeaders, "exposeHeaders");
            for (String method : allowMethods) {
                if (!METHODS.contains(method)) {
                    throw new InvalidSpecException("functionUrl/cors/allowMethods", method,
                            "use GET, PUT, HEAD, POST, PATCH, DELETE or *");
                }
            }
            for (String origin : allowOrigins) {
                if (origin.isEmpty() || origin.length() > 253) {
                    throw new InvalidSpecException("functionUrl/cors/allowOrigins", origin,
                            "use an origin of 1 to 253 characters, such as https://www.example.com, or *");
                }
            }
            if (maxAge != null && (maxAge < 0 || maxAge > 86400)) {
                throw new InvalidSpecException("functionUrl/cors/maxAge", maxAge, "use 0 to 86400 seconds");
            }
        }

        boolean isEmpty() {
            return allowCredentials == null && allowHeaders.isEmpty() && allowMethods.isEmpty() && allowOrigins.isEmpty()
                    && exposeHeaders.isEmpty() && maxAge == null;
        }

        @Override
        public String toString() {
            return "CORS origins " + allowOrigins + (allowMethods.isEmpty() ? "" : " methods " + allowMethods)
                    + (allowHeaders.isEmpty() ? "" : " headers " + allowHeaders)
                    + (exposeHeaders.isEmpty() ? "" : " exposed " + exposeHeaders)
                    + (Boolean.TRUE.equals(allowCredentials) ? " with credentials" : "")
                    + (maxAge == null ? "" : " max age " + maxAge + " s");
        }

        private static List<String> sorted(List<String> values, String element) {
            List<String> list = values == null ? List.of() : values.stream().sorted().toList();
            if (list.size() > 100) {
                throw new InvalidSpecException("functionUrl/cors/" + element, list.size() + " entries",
                        "Lambda allows at most 100");
            }
            return list;
        }
    }

    public FunctionUrlSpec {
        if (authType == null || !AUTH_TYPES.contains(authType)) {
            throw new InvalidSpecException("functionUrl/authType", authType, "use AWS_IAM (signed requests) or NONE"
                    + " (public; needs a <permission> for principal * with <functionUrlAuthType>NONE)");
        }
        invokeMode = invokeMode == null ? "BUFFERED" : invokeMode;
        cors = cors == null || cors.isEmpty() ? null : cors;
        if (!INVOKE_MODES.contains(invokeMode)) {
            throw new InvalidSpecException("functionUrl/invokeMode", invokeMode, "use BUFFERED (Lambda's default) or"
                    + " RESPONSE_STREAM");
        }
    }

    @Override
    public String toString() {
        return authType + ", " + invokeMode + (cors == null ? "" : ", " + cors);
    }
}
