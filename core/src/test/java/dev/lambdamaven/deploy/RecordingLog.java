package dev.lambdamaven.deploy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A log that keeps every line, to assert on what a user would see. */
final class RecordingLog implements DeployLog {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override public void info(String message) { lines.add("INFO " + message); }
    @Override public void warn(String message) { lines.add("WARN " + message); }
    @Override public void debug(String message) { lines.add("DEBUG " + message); }

    String text() {
        return String.join("\n", lines);
    }
}
