package dev.lambdamaven.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Runs sample test classes through JUnit's engine and checks what the extension gave them and cleaned up. */
class LambdaEmulatorExtensionTest {

    static final List<LocalLambda> SEEN = Collections.synchronizedList(new ArrayList<>());

    @LambdaEmulator
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerClassSample {
        @BeforeAll
        static void before(LocalLambda lambda) {
            SEEN.add(lambda);
        }

        @Test
        void first(LocalLambda lambda, LambdaClient client) {
            SEEN.add(lambda);
            create(client, "made-in-first");
        }

        @Test
        void second(LocalLambda lambda, LambdaClient client) {
            SEEN.add(lambda);
            assertThat(client.listFunctions().functions()).as("the class's one emulator").hasSize(1);
        }
    }

    @LambdaEmulator(lifecycle = LambdaEmulator.Lifecycle.PER_TEST, region = "eu-west-1")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerTestSample {
        @Test
        void first(LocalLambda lambda) {
            SEEN.add(lambda);
            create(lambda.lambda(), "made-in-first");
        }

        @Test
        void second(LocalLambda lambda) {
            SEEN.add(lambda);
            assertThat(lambda.lambda().listFunctions().functions()).as("nothing of the first test").isEmpty();
        }
    }

    static void create(LambdaClient client, String name) {
        client.createFunction(b -> b.functionName(name).runtime("java17").handler("a.B::c")
                .role("arn:aws:iam::123456789012:role/r").code(c -> c.zipFile(zip())));
    }

    @Test
    void perClassOneEmulatorForTheClassThenItsStateDirectoryIsGone() {
        SEEN.clear();
        Events tests = run(PerClassSample.class);

        tests.assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(SEEN).hasSize(3).allMatch(l -> l == SEEN.get(0));
        LocalLambda lambda = SEEN.get(0);
        assertThat(lambda.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(lambda.region().id()).isEqualTo("us-east-1");
        assertThat(lambda.stateDir()).doesNotExist();
        assertThat(answers(lambda.endpoint())).as("stopped").isFalse();
    }

    @Test
    void perTestAFreshEmulatorAndStateForEachTest() {
        SEEN.clear();
        run(PerTestSample.class).assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0).endpoint()).isNotEqualTo(SEEN.get(1).endpoint());
        assertThat(SEEN.get(0).stateDir()).isNotEqualTo(SEEN.get(1).stateDir());
        assertThat(SEEN.get(1).region().id()).isEqualTo("eu-west-1");
        SEEN.forEach(l -> assertThat(l.stateDir()).doesNotExist());
    }

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
    }

    private static boolean answers(URI endpoint) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A zip with one class file entry: enough for CreateFunction, which does not run it. */
    private static SdkBytes zip() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                out.putNextEntry(new ZipEntry("a/B.class"));
                out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            }
            return SdkBytes.fromByteArray(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
