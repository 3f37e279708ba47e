package dev.lambdamaven.plugin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that keeps every line, to assert on what a user would see. */
final class RecordingMavenLog extends SystemStreamLog {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override public void info(CharSequence content) { lines.add(content.toString()); }
    @Override public void warn(CharSequence content) { lines.add(content.toString()); }
    @Override public void debug(CharSequence content) { lines.add(content.toString()); }
    @Override public void error(CharSequence content) { lines.add(content.toString()); }

    String text() {
        return String.join("\n", lines);
    }
}
