package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.MotoServer;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.BeforeAll;

/** The deploy-goal scenarios against {@code moto_server}, where it is installed (in CI it must be). */
@MojoTest
class DeployGoalsMotoTest extends DeployGoalsScenarios {

    @BeforeAll
    static void startMoto() throws Exception {
        deployTo(MotoServer.start());
    }
}
