package dev.lambdamaven.plugin;

/**
 * Keeps the AWS SDK's HTTP client from logging request bodies and headers, even under {@code mvn -X}:
 * requests carry environment values, secrets included. Maven's logger reads these levels when a logger is
 * first created, so this runs before any client is built. Maven 4 renamed the property prefix.
 */
final class HttpWireLogs {

    private static final String[] LOGGERS = {"org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers",
        "org.apache.http.wire", "org.apache.http.headers"};

    private HttpWireLogs() {}

    static void off(String mavenVersion) {
        boolean maven4 = mavenVersion != null && !mavenVersion.startsWith("3.");
        String prefix = maven4 ? "maven.logger.log." : "org.slf4j.simpleLogger.log.";
        for (String logger : LOGGERS) {
            System.setProperty(prefix + logger, "off");
        }
    }
}
