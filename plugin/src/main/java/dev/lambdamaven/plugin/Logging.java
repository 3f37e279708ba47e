package dev.lambdamaven.plugin;

import dev.lambdamaven.config.LoggingSpec;

/** The {@code <logging>} element: {@code logFormat}, {@code applicationLogLevel}, {@code systemLogLevel}, {@code logGroup}. */
public class Logging {

    private String logFormat;
    private String applicationLogLevel;
    private String systemLogLevel;
    private String logGroup;

    LoggingSpec toSpec() {
        return new LoggingSpec(logFormat, applicationLogLevel, systemLogLevel, logGroup);
    }
}
