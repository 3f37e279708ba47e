package dev.lambdamaven.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** A second emulator, on a directory of its own, whose creates and updates take this long (not zero). */
    Emulator withDelays(Duration activation, Duration update) throws IOException {
        return Emulator.start(EmulatorFixture.options(Files.createTempDirectory(dir, "delays"))
                .activationDelay(activation).updateDelay(update).build());
    }

    @AfterEach
    void stopEmulator() {
        lambda.close();
        emulator.close();
    }
}
