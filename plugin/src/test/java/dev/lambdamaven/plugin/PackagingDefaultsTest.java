package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PackagingDefaultsTest {

    @ParameterizedTest
    @CsvSource({"1.8, java8.al2", "8, java8.al2", "11, java11", "17, java17", "21, java21", "22, java25", "25, java25"})
    void runtimeIsTheOldestLambdaJavaThatRunsTheRelease(String release, String runtime) throws Exception {
        assertThat(RuntimeDefault.forRelease(release)).isEqualTo(runtime);
    }

    @Test
    void releaseNewerThanAnyLambdaJavaFailsWithTheFix() {
        assertThatThrownBy(() -> RuntimeDefault.forRelease("26"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("java25 is the newest")
                .hasMessageContaining("<runtime>");
        assertThatThrownBy(() -> RuntimeDefault.forRelease("seventeen")).hasMessageContaining("-Dlambda.runtime");
    }

    @ParameterizedTest
    @CsvSource({"2026-01-01T00:00:00Z, 2026-01-01T00:00:00Z", "2026-01-01T02:00:00+02:00, 2026-01-01T00:00:00Z",
            "1767225600, 2026-01-01T00:00:00Z"})
    void outputTimestampReadsLikeMaven(String value, String instant) throws Exception {
        assertThat(OutputTimestamp.parse(value)).isEqualTo(Instant.parse(instant));
    }

    @Test
    void unsetOutputTimestampGivesTheFixedDefault() throws Exception {
        assertThat(OutputTimestamp.parse(null)).isEqualTo(OutputTimestamp.DEFAULT);
        assertThat(OutputTimestamp.parse("a")).isEqualTo(OutputTimestamp.DEFAULT);
        assertThatThrownBy(() -> OutputTimestamp.parse("yesterday"))
                .hasMessageContaining("project.build.outputTimestamp 'yesterday'");
    }
}
