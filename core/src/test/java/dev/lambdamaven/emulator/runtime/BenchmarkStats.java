package dev.lambdamaven.emulator.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** What the invoke benchmarks share: percentiles, one printed line per measurement, waiting for the CDS archive. */
final class BenchmarkStats {

    private BenchmarkStats() {}

    static void print(String what, double[] millis) {
        System.out.printf(Locale.ROOT, "%-42s n=%-5d p50 %9.3f ms   p99 %9.3f ms   max %9.3f ms%n", what,
                millis.length, percentile(millis, 50), percentile(millis, 99), Arrays.stream(millis).max().orElse(0));
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Waits (at most a minute) for the runtime's class-data archive, so that later cold starts use it. */
    static void awaitClassDataArchive(Path directory) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(directory)) {
                try (var files = Files.list(directory)) {
                    if (files.anyMatch(f -> f.toString().endsWith(".jsa"))) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        System.out.println("(no class-data archive after 60 s: cold starts below run without it)");
    }
}
