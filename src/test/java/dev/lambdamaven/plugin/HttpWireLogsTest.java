package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without these levels, mvn -X prints UpdateFunctionConfiguration bodies, secret values included (seen by hand).
 * The levels are JVM-wide system properties that the Mojo tests set too: each test starts from none of them set
 * and puts back what it found, so the outcome does not depend on which tests ran before in this JVM.
 */
class HttpWireLogsTest {

    private static final List<String> LOGGERS = List.of("org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.headers", "org.apache.http.wire", "org.apache.http.headers");
    private static final List<String> PREFIXES = List.of("org.slf4j.simpleLogger.log.", "maven.logger.log.");

    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void startWithNoLevelsSet() {
        for (String prefix : PREFIXES) {
            for (String logger : LOGGERS) {
                String previous = System.clearProperty(prefix + logger);
                if (previous != null) {
                    before.put(prefix + logger, previous);
                }
            }
        }
    }

    @AfterEach
    void putBackWhatOtherTestsSet() {
        for (String prefix : PREFIXES) {
            for (String logger : LOGGERS) {
                System.clearProperty(prefix + logger);
            }
        }
        before.forEach(System::setProperty);
    }

    @Test
    void maven3ReadsTheSlf4jSimpleLoggerLevels() {
        HttpWireLogs.off("3.9.16");

        for (String logger : LOGGERS) {
            assertThat(System.getProperty("org.slf4j.simpleLogger.log." + logger)).as(logger).isEqualTo("off");
            assertThat(System.getProperty("maven.logger.log." + logger)).as(logger).isNull();
        }
    }

    @Test
    void maven4ReadsItsOwnPrefix() {
        HttpWireLogs.off("4.0.0-rc-5");

        for (String logger : LOGGERS) {
            assertThat(System.getProperty("maven.logger.log." + logger)).as(logger).isEqualTo("off");
            assertThat(System.getProperty("org.slf4j.simpleLogger.log." + logger)).as("%s: no deprecation warning"
                    + " on Maven 4", logger).isNull();
        }
    }
}
