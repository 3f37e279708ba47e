package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.State;

/** The deployer against an emulator whose changes take AWS-like time: it waits for each, and only for those. */
class DeployerWaitsTest {

    @TempDir
    Path dir;

    @Test
    void waitsForTheCreateAndTheUpdateButNotForAnActivePublishedVersion() throws Exception {
        RecordingLog log = new RecordingLog();
        List<Long> retrySleeps = new ArrayList<>();
        try (Emulator emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state"))
                        .activationDelay(Duration.ofMillis(600)).updateDelay(Duration.ofMillis(600)).build());
                Deployer deployer = new Deployer(new AwsClients(new Target(Target.Kind.EMULATOR, emulator.endpoint(),
                        null, null)), log, new Retry(retrySleeps::add, log), CodeUploader.DIRECT_UPLOAD_LIMIT,
                        Clock.systemUTC(), Sleeper.REAL);
                var lambda = EmulatorFixture.lambda(emulator)) {
            FunctionResult first = deployer.deployFunction(spec("v1"), DeployOptions.DEFAULTS);
            FunctionResult second = deployer.deployFunction(spec("v2"), DeployOptions.DEFAULTS);

            assertThat(first.version()).isEqualTo("1");
            assertThat(second.version()).isEqualTo("2");
            assertThat(retrySleeps).as("no call met a change still in progress (409)").isEmpty();
            assertThat(log.lines).filteredOn(l -> l.matches("DEBUG .* ready after \\d+ poll\\(s\\).*"))
                    .extracting(l -> l.replaceAll(" ready after .*", ""))
                    .containsExactly("DEBUG the new function waits", "DEBUG the code update of waits");
            assertThat(lambda.getFunctionConfiguration(r -> r.functionName("waits").qualifier("2")).state())
                    .isEqualTo(State.ACTIVE);
        }
    }

    private FunctionSpec spec(String code) throws Exception {
        return FunctionSpec.builder("waits", TestZips.zip(dir, code + ".zip", code))
                .handler("com.acme.Handler::handleRequest").runtime("java21").role(EmulatorFixture.ROLE).build();
    }
}
