package dev.lambdamaven.config;

import java.util.Set;

/**
 * A function's logging configuration; each field left {@code null} is not managed. Log levels need the JSON
 * format, as in Lambda.
 */
public record LoggingSpec(String logFormat, String applicationLogLevel, String systemLogLevel, String logGroup) {

    public static final Set<String> FORMATS = Set.of("Text", "JSON");
    public static final Set<String> APPLICATION_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    public static final Set<String> SYSTEM_LEVELS = Set.of("DEBUG", "INFO", "WARN");

    public LoggingSpec {
        check("logging/logFormat", logFormat, FORMATS);
        check("logging/applicationLogLevel", applicationLogLevel, APPLICATION_LEVELS);
        check("logging/systemLogLevel", systemLogLevel, SYSTEM_LEVELS);
        if (logGroup != null && !logGroup.matches("[\\.\\-_/#A-Za-z0-9]{1,512}")) {
            throw new InvalidSpecException("logging/logGroup", logGroup, "use 1 to 512 characters of"
                    + " letters, digits and . - _ / #, such as /aws/lambda/orders");
        }
        if ((applicationLogLevel != null || systemLogLevel != null) && !"JSON".equals(logFormat)) {
            throw new InvalidSpecException("logging/logFormat", logFormat,
                    "log levels need <logFormat>JSON</logFormat>");
        }
    }

    private static void check(String element, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new InvalidSpecException(element, value, "use one of " + allowed.stream().sorted().toList());
        }
    }
}
