package dev.lambdamaven.emulator;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** A fresh emulator (zero delays) on a temp state directory and an SDK client for it, per test. */
abstract class EmulatorTestBase {

    /** Where "LocalStack" in a message's source comment points: AWS's answers, recorded by LocalStack's AWS runs. */
    static final String LOCALSTACK_SNAPSHOTS = "localstack/localstack tests/aws/services/lambda_/*.snapshot.json";

    @TempDir
    Path dir;
    Emulator emulator;
    LambdaClient lambda;

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = EmulatorFixture.start(dir);
        lambda = EmulatorFixture.lambda(emulator);
    }

    @AfterEach
    void stopEmulator() {
        lambda.close();
        emulator.close();
    }
}
