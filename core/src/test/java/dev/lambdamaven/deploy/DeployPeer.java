package dev.lambdamaven.deploy;

import java.net.URI;

/**
 * A server the deployer and the deploy goals are tested against through {@code endpoint}: the project's own
 * emulator, started in-process ({@link EmulatorPeer}), or {@code moto_server} ({@link MotoServer}). The same
 * scenarios run against each, so the deploy path is tested even where moto is missing.
 */
public interface DeployPeer extends AutoCloseable {

    /** A role every peer accepts (moto checks that it exists: {@link MotoServer} creates it). */
    String ROLE_ARN = "arn:aws:iam::123456789012:role/lambda-test";

    URI endpoint();
}
