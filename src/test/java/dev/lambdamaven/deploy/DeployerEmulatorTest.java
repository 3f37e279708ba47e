package dev.lambdamaven.deploy;

/** The deployer scenarios against the project's own emulator, started in this JVM: they always run. */
class DeployerEmulatorTest extends DeployerScenarios {

    @Override
    DeployPeer startPeer() throws Exception {
        return EmulatorPeer.start();
    }
}
