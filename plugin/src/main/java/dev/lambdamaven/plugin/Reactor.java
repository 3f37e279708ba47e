package dev.lambdamaven.plugin;

import dev.lambdamaven.config.VpcSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSummary;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * What the modules of one build share: each module's line of the summary table, whether its deployment has
 * started (its {@code deployment.json} is removed then), the layer versions layer modules planned or published
 * for the function modules after them, and VPC configurations whose preflight passed. Keyed by the execution
 * request, which every per-project session clone of a parallel build shares. The table is printed when the
 * session ends, so that it also comes when modules failed or were skipped ({@code --fail-at-end}).
 */
final class Reactor {

    private static final Map<MavenExecutionRequest, Reactor> BUILDS = new WeakHashMap<>();

    /** One module's line of the table. */
    static final class Row {
        volatile String name;
        volatile String version;
        volatile String alias;
        volatile Boolean changed;
        volatile String skipped;
    }

    private final Map<String, Row> rows = new HashMap<>();
    private final Set<String> deploying = new HashSet<>();
    private final Map<String, String> layerVersions = new HashMap<>();
    private final Map<String, VpcSpec> vpcChecked = new HashMap<>();
    private final Map<Path, Optional<GitCommit>> commits = new HashMap<>();
    private boolean watching;
    private boolean summaryWanted;

    static Reactor of(MavenSession session) {
        synchronized (BUILDS) {
            return BUILDS.computeIfAbsent(session.getRequest(), r -> new Reactor());
        }
    }

    synchronized Row row(MavenProject project) {
        return rows.computeIfAbsent(key(project), k -> new Row());
    }

    /** True the first time a goal that deploys starts in {@code project} in this build. */
    synchronized boolean startDeploy(MavenProject project) {
        return deploying.add(key(project));
    }

    /** A layer module's version for this build: its ARN, or the pending marker of a dry run that found a change. */
    synchronized void layerVersion(MavenProject layerModule, String arn) {
        layerVersions.put(key(layerModule), arn);
    }

    synchronized Optional<String> layerVersion(MavenProject layerModule) {
        return Optional.ofNullable(layerVersions.get(key(layerModule)));
    }

    synchronized void vpcChecked(MavenProject project, VpcSpec vpc) {
        vpcChecked.put(key(project), vpc);
    }

    synchronized VpcSpec vpcChecked(MavenProject project) {
        return vpcChecked.get(key(project));
    }

    /** The commit of the work tree {@code basedir} is in, looked up once per work tree and build. */
    Optional<GitCommit> commit(Path basedir) {
        Path root = GitCommit.gitDirectory(basedir).orElse(basedir.toAbsolutePath());
        synchronized (commits) {
            return commits.computeIfAbsent(root, r -> GitCommit.find(basedir, System.getenv()));
        }
    }

    /**
     * Registers the end-of-session table once per build (any goal of the plugin calls this). It is printed when
     * a deploy goal ran ({@link #wantSummary}), or when a build of the deploy phase lost function or layer
     * modules to failures before any deploy goal ran; not with {@code lambda.summary=false} (on the command
     * line or in the root pom's properties).
     */
    void watch(MavenSession session, PluginDescriptor plugin, Log log) {
        synchronized (this) {
            if (watching || session.getRequest() == null) {
                return;
            }
            watching = true;
        }
        SessionEnd.beforeSessionEnd(session.getRequest(), event -> summary(event.getSession(), plugin)
                .forEach(log::info));
    }

    /** A deploy goal ran: the table is wanted. */
    synchronized void wantSummary() {
        summaryWanted = true;
    }

    /** The table's lines: one row per function and layer module of the build; none for a single module. */
    synchronized List<String> summary(MavenSession session, PluginDescriptor plugin) {
        boolean deployPhase = session.getGoals() != null && session.getGoals().contains("deploy");
        boolean lost = session.getResult() != null && session.getResult().hasExceptions();
        if (turnedOff(session) || !(summaryWanted || (deployPhase && lost))) {
            return List.of();
        }
        List<ReactorSummary.Line> lines = new ArrayList<>();
        for (MavenProject project : session.getProjects()) {
            if (ModuleKind.of(project, plugin) == ModuleKind.OTHER) {
                continue;
            }
            Row row = rows.get(key(project));
            BuildSummary outcome = session.getResult() == null ? null : session.getResult().getBuildSummary(project);
            lines.add(new ReactorSummary.Line(project.getArtifactId(), row == null ? null : row.name,
                    row == null ? null : row.version, row == null ? null : row.alias, row == null ? null : row.changed,
                    result(outcome, row)));
        }
        return lines.size() < 2 ? List.of() : ReactorSummary.render(lines);
    }

    private static boolean turnedOff(MavenSession session) {
        String value = session.getUserProperties() == null ? null
                : session.getUserProperties().getProperty(PropertyNames.SUMMARY);
        if (value == null && session.getTopLevelProject() != null) {
            value = session.getTopLevelProject().getProperties().getProperty(PropertyNames.SUMMARY);
        }
        return "false".equalsIgnoreCase(value == null ? null : value.trim());
    }

    private static String result(BuildSummary outcome, Row row) {
        if (outcome instanceof BuildFailure failure) {
            return "failed: " + ReactorSummary.firstLine(failure.getCause());
        }
        if (outcome == null) {
            return "skipped (not built)";
        }
        return row != null && row.skipped != null ? "skipped (" + row.skipped + ")" : "ok";
    }

    private static String key(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }
}
