package dev.lambdamaven.emulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvocationLogTest {

    @Test
    void reportLineHasAwsFieldsAndInitDurationOnlyWhenCold() {
        InvocationLog warm = new InvocationLog();
        warm.report("id-1", 12.345, 512, 80, -1, -1);
        InvocationLog cold = new InvocationLog();
        cold.report("id-2", 1.5, 128, 40, 612.3, -1);
        InvocationLog restored = new InvocationLog();
        restored.report("id-3", 2338.66, 3009, 173, -1, 398.97);

        assertThat(warm.text()).isEqualTo("REPORT RequestId: id-1\tDuration: 12.35 ms\tBilled Duration: 13 ms"
                + "\tMemory Size: 512 MB\tMax Memory Used: 80 MB\t\n");
        assertThat(cold.text()).endsWith("\tInit Duration: 612.30 ms\t\n");
        // a SnapStart restore as AWS logged it (quoted in the AWS SAM CLI docs, sam logs output):
        // "Max Memory Used: 173 MB\tRestore Duration: 398.97 ms\tBilled Restore Duration: 182 ms\t"; the billed part
        // is the emulator's own (AWS bills the hooks, not the snapshot's load)
        assertThat(restored.text()).endsWith("\tMax Memory Used: 173 MB\tRestore Duration: 398.97 ms"
                + "\tBilled Restore Duration: 399 ms\t\n");
    }

    @Test
    void tailIsTheLast4KilobytesCutAtACharacterBoundary() {
        InvocationLog log = new InvocationLog();
        log.append("é".repeat(3000).getBytes(StandardCharsets.UTF_8)); // 6000 bytes of 2-byte characters
        log.line("last line");

        String tail = log.tail();

        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(InvocationLog.TAIL_BYTES);
        assertThat(tail).endsWith("last line\n").doesNotContain("\uFFFD");
    }

    @Test
    void awsErrorDocuments() {
        assertThat(new String(LambdaErrors.timeout("r-1", 3), StandardCharsets.UTF_8)).isEqualTo(
                "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: r-1 Error: Task timed out after"
                        + " 3.00 seconds\"}");
        assertThat(new String(LambdaErrors.exited("r-2", 137), StandardCharsets.UTF_8))
                .contains("Runtime.ExitError").contains("Runtime exited with error: signal: killed");
        assertThat(new String(LambdaErrors.exited("r-3", 0), StandardCharsets.UTF_8))
                .contains("Runtime exited without providing a reason");
    }
}
