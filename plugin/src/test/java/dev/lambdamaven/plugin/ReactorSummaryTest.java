package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSuccess;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ReactorSummaryTest {

    private final MavenExecutionRequest request = new DefaultMavenExecutionRequest();
    private final DefaultMavenExecutionResult result = new DefaultMavenExecutionResult();
    private final PluginDescriptor plugin = plugin();

    private static PluginDescriptor plugin() {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.lambdamaven");
        plugin.setArtifactId("lambda-maven-plugin");
        for (Class<?> mojo : List.of(PackageFunctionMojo.class, PackageLayerMojo.class, PublishVersionMojo.class,
                PublishLayerMojo.class, UpdateAliasMojo.class)) {
            MojoDescriptor descriptor = new MojoDescriptor();
            descriptor.setGoal(mojo.getSimpleName().replace("Mojo", "").toLowerCase());
            descriptor.setImplementation(mojo.getName());
            descriptor.setPluginDescriptor(plugin);
            try {
                plugin.addMojo(descriptor);
            } catch (org.apache.maven.plugin.descriptor.DuplicateMojoDescriptorException e) {
                throw new IllegalStateException(e);
            }
        }
        return plugin;
    }

    private MavenProject module(String artifactId, Class<?>... goals) {
        MavenProject project = new MavenProject();
        project.setGroupId("com.acme");
        project.setArtifactId(artifactId);
        if (goals.length > 0) {
            Plugin declared = new Plugin();
            declared.setGroupId("dev.lambdamaven");
            declared.setArtifactId("lambda-maven-plugin");
            PluginExecution execution = new PluginExecution();
            execution.setId("release");
            for (Class<?> goal : goals) {
                execution.addGoal(ModuleKind.goal(plugin, goal));
            }
            declared.addExecution(execution);
            project.getBuild().addPlugin(declared);
        }
        return project;
    }

    private MavenSession session(List<MavenProject> projects) {
        return MavenSessions.of(request, result, projects);
    }

    @Test
    void failedAndSkippedModulesAreRowsAndAggregatorsAreNot() {
        MavenProject parent = module("parent");
        MavenProject libs = module("libs", PackageLayerMojo.class, PublishLayerMojo.class);
        MavenProject orders = module("orders", PackageFunctionMojo.class, PublishVersionMojo.class, UpdateAliasMojo.class);
        MavenProject payments = module("payments", PackageFunctionMojo.class, PublishVersionMojo.class);
        MavenSession session = session(List.of(parent, libs, orders, payments));
        Reactor reactor = Reactor.of(session);
        reactor.wantSummary();
        Reactor.Row row = reactor.row(libs);
        row.name = "layer libs";
        row.version = "4";
        row.changed = false;
        result.addBuildSummary(new BuildSuccess(parent, 1));
        result.addBuildSummary(new BuildSuccess(libs, 1));
        result.addBuildSummary(new BuildFailure(orders, 1, new LifecycleExecutionException("Failed to execute goal"
                + " dev.lambdamaven:lambda-maven-plugin:publish-version (release) on project orders",
                new MojoFailureException("<kmsKeyArn> = 'notanarn': use a KMS key ARN"))));
        // payments: never built (fail-fast, or it depended on a failed module)

        List<String> lines = reactor.summary(session, plugin);

        assertThat(lines).hasSize(6).first().isEqualTo(ReactorSummary.TITLE);
        assertThat(String.join("\n", lines))
                .contains("| libs     | layer libs       | 4       | -     | no      | ok ")
                .contains("| orders   | -                | -       | -     | -       | failed: <kmsKeyArn> = 'notanarn': use a KMS key ARN")
                .contains("| payments | -                | -       | -     | -       | skipped (not built)")
                .doesNotContain("parent");
    }

    @Test
    void aModuleSkippedByPropertySaysSo() {
        MavenProject orders = module("orders", PackageFunctionMojo.class);
        MavenProject payments = module("payments", PackageFunctionMojo.class);
        MavenSession session = session(List.of(orders, payments));
        Reactor.of(session).wantSummary();
        Reactor.of(session).row(payments).skipped = "lambda.skip";
        result.addBuildSummary(new BuildSuccess(orders, 1));
        result.addBuildSummary(new BuildSuccess(payments, 1));

        assertThat(String.join("\n", Reactor.of(session).summary(session, plugin)))
                .contains("| payments | -                | -       | -     | -       | skipped (lambda.skip) |");
    }

    @Test
    void aSingleLambdaModulePrintsNoTable() {
        MavenProject parent = module("parent");
        MavenProject only = module("only", PackageFunctionMojo.class);
        MavenSession session = session(List.of(parent, only));
        Reactor.of(session).wantSummary();

        assertThat(Reactor.of(session).summary(session, plugin)).isEmpty();
    }

    @Test
    void aDeployBuildThatLostModulesBeforeAnyDeployGoalStillEndsWithTheTable() {
        MavenProject libs = module("libs", PackageLayerMojo.class);
        MavenProject orders = module("orders", PackageFunctionMojo.class);
        MavenSession session = session(List.of(libs, orders));
        request.setGoals(List.of("deploy"));
        result.addBuildSummary(new BuildFailure(libs, 1, new MojoFailureException("<layerName> = 'bad name': use")));
        result.addException(new MojoFailureException("<layerName> = 'bad name': use"));

        assertThat(String.join("\n", Reactor.of(session).summary(session, plugin)))
                .contains("| libs   | -                | -       | -     | -       | failed: <layerName> = 'bad name': use |",
                        "| orders | -                | -       | -     | -       | skipped (not built)");
    }

    @Test
    void aPackageBuildPrintsNoTableAndTheSummaryCanBeTurnedOff() {
        MavenProject libs = module("libs", PackageLayerMojo.class);
        MavenProject orders = module("orders", PackageFunctionMojo.class);
        MavenSession session = session(List.of(libs, orders));
        request.setGoals(List.of("package"));
        result.addException(new MojoFailureException("broken"));
        assertThat(Reactor.of(session).summary(session, plugin)).isEmpty();

        Reactor.of(session).wantSummary();
        assertThat(Reactor.of(session).summary(session, plugin)).isNotEmpty();
        request.getUserProperties().setProperty("lambda.summary", "false");
        assertThat(Reactor.of(session).summary(session, plugin)).isEmpty();
    }

    @Test
    void eachModuleStartsItsDeploymentOnce() {
        MavenProject orders = module("orders", PackageFunctionMojo.class);
        Reactor reactor = Reactor.of(session(List.of(orders)));

        assertThat(reactor.startDeploy(orders)).isTrue();
        assertThat(Reactor.of(session(List.of(orders))).startDeploy(orders))
                .as("a parallel build's session clone shares the request").isFalse();
    }
}
