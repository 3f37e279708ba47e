package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The "Max Memory Used" of a REPORT line: the peak resident set of a process, where the OS tells it. */
final class ProcessMemory {

    private ProcessMemory() {}

    /** Peak resident memory in MB from Linux's {@code /proc/<pid>/status} (VmHWM); 0 where unknown. */
    static long peakResidentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb + 1023) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return 0;
    }
}
