package dev.lambdamaven.plugin;

import dev.lambdamaven.config.FunctionUrlSpec;
import java.util.List;

/**
 * The {@code <functionUrl>} element: {@code <authType>} (AWS_IAM or NONE), {@code <invokeMode>} (BUFFERED or
 * RESPONSE_STREAM) and {@code <cors>} ({@code allowOrigins}, {@code allowMethods}, {@code allowHeaders},
 * {@code exposeHeaders}, {@code allowCredentials}, {@code maxAge}).
 */
public class FunctionUrl {

    private String authType;
    private String invokeMode;
    private Cors cors;

    /** The {@code <cors>} element of {@code <functionUrl>}. */
    public static class Cors {
        private Boolean allowCredentials;
        private List<String> allowHeaders;
        private List<String> allowMethods;
        private List<String> allowOrigins;
        private List<String> exposeHeaders;
        private Integer maxAge;
    }

    FunctionUrlSpec toSpec() {
        return new FunctionUrlSpec(authType, invokeMode, cors == null ? null : new FunctionUrlSpec.Cors(
                cors.allowCredentials, cors.allowHeaders, cors.allowMethods, cors.allowOrigins, cors.exposeHeaders,
                cors.maxAge));
    }
}
