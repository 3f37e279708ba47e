package dev.lambdamaven.deploy;

/** The deployer scenarios against {@code moto_server}, where it is installed (in CI it must be). */
class DeployerMotoTest extends DeployerScenarios {

    @Override
    DeployPeer startPeer() throws Exception {
        return MotoServer.start();
    }
}
