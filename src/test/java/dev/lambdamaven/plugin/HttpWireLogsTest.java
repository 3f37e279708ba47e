package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Without these levels, mvn -X prints UpdateFunctionConfiguration bodies, secret values included (seen by hand). */
class HttpWireLogsTest {

    private static final String WIRE = "org.apache.hc.client5.http.wire";
    private static final String HEADERS = "org.apache.hc.client5.http.headers";

    @AfterEach
    void clear() {
        for (String prefix : new String[] {"org.slf4j.simpleLogger.log.", "maven.logger.log."}) {
            System.clearProperty(prefix + WIRE);
            System.clearProperty(prefix + HEADERS);
        }
    }

    @Test
    void maven3ReadsTheSlf4jSimpleLoggerLevels() {
        HttpWireLogs.off("3.9.16");

        assertThat(System.getProperty("org.slf4j.simpleLogger.log." + WIRE)).isEqualTo("off");
        assertThat(System.getProperty("org.slf4j.simpleLogger.log." + HEADERS)).isEqualTo("off");
        assertThat(System.getProperty("maven.logger.log." + WIRE)).isNull();
    }

    @Test
    void maven4ReadsItsOwnPrefix() {
        HttpWireLogs.off("4.0.0-rc-5");

        assertThat(System.getProperty("maven.logger.log." + WIRE)).isEqualTo("off");
        assertThat(System.getProperty("org.slf4j.simpleLogger.log." + WIRE)).as("no deprecation warning on Maven 4")
                .isNull();
    }
}
