package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The "Max Memory Used" of a REPORT line: the peak resident set of a process, where the OS tells it. */
final class ProcessMemory {

    private static final String PEAK = "VmHWM:";

    private ProcessMemory() {}

    /** Peak resident memory in MB from Linux's {@code /proc/<pid>/status} (VmHWM); 0 where unknown. */
    static long peakResidentMegabytes(long pid) {
        String status;
        try {
            status = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "status")),
                    StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or the process is gone
        }
        int at = status.indexOf(PEAK);
        if (at < 0) {
            return 0;
        }
        long kb = 0;
        for (int i = at + PEAK.length(); i < status.length() && status.charAt(i) != '\n'; i++) {
            char c = status.charAt(i);
            if (c >= '0' && c <= '9') {
                kb = kb * 10 + (c - '0');
            }
        }
        return (kb + 1023) / 1024;
    }
}
