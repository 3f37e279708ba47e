package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.EmulatorPeer;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.BeforeAll;

/** The deploy-goal scenarios against the project's own emulator, started in this JVM: they always run. */
@MojoTest
class DeployGoalsEmulatorTest extends DeployGoalsScenarios {

    @BeforeAll
    static void startEmulator() throws Exception {
        deployTo(EmulatorPeer.start());
    }
}
