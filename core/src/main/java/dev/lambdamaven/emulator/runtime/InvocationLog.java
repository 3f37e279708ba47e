package dev.lambdamaven.emulator.runtime;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The log of one invocation as CloudWatch shows it: output written during init (cold start only), then
 * {@code START}, the handler's output, {@code END} and {@code REPORT}.
 */
final class InvocationLog {

    /** The Invoke API returns at most the last 4 KB of the log. */
    static final int TAIL_BYTES = 4096;

    private final ByteArrayOutputStream text = new ByteArrayOutputStream();

    void append(byte[] output) {
        text.writeBytes(output);
        if (output.length > 0 && output[output.length - 1] != '\n') {
            text.write('\n');
        }
    }

    void line(String line) {
        text.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void start(String requestId, String version) {
        line("START RequestId: " + requestId + " Version: " + version);
    }

    void end(String requestId) {
        line("END RequestId: " + requestId);
    }

    /**
     * AWS's REPORT line; billed duration is rounded up to the millisecond.
     *
     * @param initMillis    the cold start's init duration, or a negative value for a warm invocation
     * @param restoreMillis SnapStart: the first invocation's restore duration (after-restore hooks), or negative
     */
    void report(String requestId, double durationMillis, int memoryMb, long maxMemoryUsedMb, double initMillis,
            double restoreMillis) {
        StringBuilder report = new StringBuilder()
                .append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(twoDecimals(durationMillis)).append(" ms")
                .append("\tBilled Duration: ").append((long) Math.ceil(durationMillis)).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        if (restoreMillis >= 0) { // as AWS prints it: Restore Duration, then Billed Restore Duration
            report.append("\tRestore Duration: ").append(twoDecimals(restoreMillis)).append(" ms")
                    .append("\tBilled Restore Duration: ").append((long) Math.ceil(restoreMillis)).append(" ms");
        }
        if (initMillis >= 0) {
            report.append("\tInit Duration: ").append(twoDecimals(initMillis)).append(" ms");
        }
        line(report.append('\t').toString());
    }

    /** {@code 12.35} for 12.345, as {@code %.2f} rounds, without a Formatter (a tenth of a warm invoke's cost). */
    static String twoDecimals(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The last 4 KB, starting at a character boundary. */
    String tail() {
        byte[] all = text.toByteArray();
        int from = Math.max(0, all.length - TAIL_BYTES);
        while (from < all.length && from > 0 && (all[from] & 0xC0) == 0x80) {
            from++; // skip UTF-8 continuation bytes of a character cut in half
        }
        return new String(Arrays.copyOfRange(all, from, all.length), StandardCharsets.UTF_8);
    }

    String text() {
        return text.toString(StandardCharsets.UTF_8);
    }
}
