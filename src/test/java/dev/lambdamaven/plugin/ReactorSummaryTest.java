package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ReactorSummaryTest {

    private final MavenExecutionRequest request = new DefaultMavenExecutionRequest();
    private final RecordingMavenLog log = new RecordingMavenLog();
    private final MojoExecution bound = new MojoExecution(null, "release");

    private static MavenProject module(String artifactId, String... goals) {
        MavenProject project = new MavenProject();
        project.setArtifactId(artifactId);
        if (goals.length > 0) {
            Plugin plugin = new Plugin();
            plugin.setGroupId("dev.lambdamaven");
            plugin.setArtifactId("lambda-maven-plugin");
            PluginExecution execution = new PluginExecution();
            execution.setId("release");
            execution.setGoals(List.of(goals));
            plugin.addExecution(execution);
            project.getBuild().addPlugin(plugin);
        }
        return project;
    }

    /** Each parallel module thread gets its own session clone sharing the request. */
    private MavenSession session(List<MavenProject> projects) {
        return MavenSessions.of(request, projects);
    }

    @Test
    void printsOnceWhenTheLastBoundGoalOfTheReactorFinishesWhateverTheOrder() {
        MavenProject parent = module("parent");
        MavenProject layer = module("libs", "publish-layer");
        MavenProject orders = module("orders", "publish-version", "update-alias");
        MavenProject payments = module("payments", "configure-vpc", "publish-version", "update-alias");
        List<MavenProject> all = List.of(parent, layer, orders, payments);

        ReactorSummary summary = ReactorSummary.of(session(all));
        ReactorSummary.Row row = summary.row(orders);
        row.name = "orders";
        row.version = "3";
        row.changed = true;
        summary.completed(orders, "publish-version", bound, log);
        summary.completed(layer, "publish-layer", bound, log);
        summary.completed(payments, "configure-vpc", bound, log);
        summary.completed(payments, "publish-version", bound, log);
        summary.completed(orders, "update-alias", bound, log);
        assertThat(log.lines).isEmpty();

        ReactorSummary.of(session(all)).completed(payments, "update-alias", bound, log);
        ReactorSummary.of(session(all)).completed(payments, "update-alias", bound, log);

        assertThat(log.lines).hasSize(6).first().isEqualTo("Lambda deployment summary");
        assertThat(log.text()).contains("| orders   | orders           | 3       | -     | yes     |",
                "| payments | -", "| libs     | -");
    }

    @Test
    void goalsSkippedOnTheCommandLineAreNotWaitedFor() {
        request.getUserProperties().setProperty("lambda.update-alias.skip", "true");
        MavenProject orders = module("orders", "publish-version", "update-alias");
        MavenProject payments = module("payments", "publish-version", "update-alias");
        MavenSession session = session(List.of(orders, payments));

        ReactorSummary.of(session).completed(orders, "publish-version", bound, log);
        ReactorSummary.of(session).completed(payments, "publish-version", bound, log);

        assertThat(log.lines).first().isEqualTo("Lambda deployment summary");
    }

    @Test
    void aSingleModuleBuildPrintsNoTable() {
        MavenProject only = module("only", "publish-version");
        ReactorSummary.of(session(List.of(only))).completed(only, "publish-version", bound, log);

        assertThat(log.lines).isEmpty();
    }
}
