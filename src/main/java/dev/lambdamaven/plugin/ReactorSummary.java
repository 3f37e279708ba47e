package dev.lambdamaven.plugin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The one-table summary of a multi-module deployment (function or layer, version, alias, changed). Every deploy
 * goal reports here when it finished; the table is printed once, by whichever module completes the last
 * deploy goal bound in the poms of the reactor, so the order of modules and {@code -T} do not matter. Keyed by
 * the execution request, which all per-project session clones of a parallel build share.
 */
final class ReactorSummary {

    static final String PLUGIN_KEY = "dev.lambdamaven:lambda-maven-plugin";
    static final Set<String> DEPLOY_GOALS = Set.of("publish-layer", "configure-vpc", "publish-version",
            "update-alias", "promote", "rollback", "plan");

    private static final Map<MavenExecutionRequest, ReactorSummary> BUILDS = new WeakHashMap<>();

    /** One module's line of the table. */
    static final class Row {
        volatile String name;
        volatile String version;
        volatile String alias;
        volatile Boolean changed;
    }

    private final List<MavenProject> projects;
    private final Properties userProperties;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, Set<String>> done = new HashMap<>();
    private boolean printed;

    private ReactorSummary(List<MavenProject> projects, Properties userProperties) {
        this.projects = List.copyOf(projects);
        this.userProperties = userProperties == null ? new Properties() : userProperties;
    }

    static ReactorSummary of(MavenSession session) {
        synchronized (BUILDS) {
            return BUILDS.computeIfAbsent(session.getRequest(), r -> new ReactorSummary(session.getProjects(), session.getUserProperties()));
        }
    }

    synchronized Row row(MavenProject project) {
        return rows.computeIfAbsent(project.getArtifactId(), k -> new Row());
    }

    /** Notes that {@code goal} finished in {@code project}; prints the table when it was the last one. */
    void completed(MavenProject project, String goal, MojoExecution execution, Log log) {
        List<String> table;
        synchronized (this) {
            row(project);
            done.computeIfAbsent(project.getArtifactId(), k -> new HashSet<>()).add(goal);
            if (printed || projects.size() < 2 || !allDone(goal, execution)) {
                return;
            }
            printed = true;
            table = render();
        }
        table.forEach(log::info);
    }

    private boolean allDone(String goal, MojoExecution execution) {
        boolean commandLine = execution != null && execution.getExecutionId() != null
                && execution.getExecutionId().startsWith("default-cli");
        for (MavenProject p : projects) {
            Set<String> expected = new HashSet<>(commandLine ? (declaresPlugin(p) ? Set.of(goal) : Set.of())
                    : boundGoals(p));
            expected.removeIf(this::skippedOnTheCommandLine); // a skipped goal never reports
            if (!done.getOrDefault(p.getArtifactId(), Set.of()).containsAll(expected)) {
                return false;
            }
        }
        return true;
    }

    private boolean skippedOnTheCommandLine(String goal) {
        return Boolean.parseBoolean(userProperties.getProperty(PropertyNames.goalSkip(goal)));
    }

    private static boolean declaresPlugin(MavenProject project) {
        return project.getBuildPlugins().stream().anyMatch(p -> PLUGIN_KEY.equals(p.getKey()));
    }

    /** The deploy goals a project's pom binds to its lifecycle. */
    static Set<String> boundGoals(MavenProject project) {
        Set<String> goals = new HashSet<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (PLUGIN_KEY.equals(plugin.getKey())) {
                for (PluginExecution execution : plugin.getExecutions()) {
                    execution.getGoals().stream().filter(DEPLOY_GOALS::contains).forEach(goals::add);
                }
            }
        }
        return goals;
    }

    private List<String> render() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"module", "function / layer", "version", "alias", "changed"});
        rows.forEach((module, r) -> cells.add(new String[] {module, text(r.name), text(r.version), text(r.alias),
                r.changed == null ? "-" : r.changed ? "yes" : "no"}));
        int[] widths = new int[5];
        cells.forEach(c -> {
            for (int i = 0; i < c.length; i++) {
                widths[i] = Math.max(widths[i], c[i].length());
            }
        });
        List<String> lines = new ArrayList<>();
        lines.add("Lambda deployment summary");
        for (int n = 0; n < cells.size(); n++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == 0 ? "| " : " | ").append(String.format("%-" + widths[i] + "s", cells.get(n)[i]));
            }
            lines.add(line.append(" |").toString());
            if (n == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    rule.append(i == 0 ? "|-" : "-|-").append("-".repeat(widths[i]));
                }
                lines.add(rule.append("-|").toString());
            }
        }
        return lines;
    }

    private static String text(String s) {
        return s == null ? "-" : s;
    }
}
