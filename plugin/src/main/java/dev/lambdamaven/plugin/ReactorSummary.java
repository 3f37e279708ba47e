package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.TextTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.lifecycle.LifecycleExecutionException;

/**
 * The one-table summary of a multi-module deployment: per function or layer module, what it deployed (name,
 * version, alias, whether anything changed) and how the module ended ({@code ok}, {@code failed: ...},
 * {@code skipped ...}).
 */
final class ReactorSummary {

    static final String TITLE = "Lambda deployment summary";
    private static final int MAX_REASON = 80;

    /** One module's row. */
    record Line(String module, String name, String version, String alias, Boolean changed, String result) {}

    private ReactorSummary() {}

    static List<String> render(List<Line> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (Line l : lines) {
            rows.add(List.of(l.module(), text(l.name()), text(l.version()), text(l.alias()),
                    l.changed() == null ? "-" : l.changed() ? "yes" : "no", l.result()));
        }
        List<String> out = new ArrayList<>();
        out.add(TITLE);
        out.addAll(TextTable.render(List.of("module", "function / layer", "version", "alias", "changed", "result"), rows));
        return out;
    }

    /** The first line of a failure's message, shortened for a table cell. */
    static String firstLine(Throwable failure) {
        Throwable shown = failure instanceof LifecycleExecutionException && failure.getCause() != null
                ? failure.getCause() : failure; // Maven's wrapper only adds "Failed to execute goal ... on project"
        String message = shown == null || shown.getMessage() == null ? "" : shown.getMessage().strip();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON - 3) + "..." : message;
    }

    private static String text(String s) {
        return s == null ? "-" : s;
    }
}
