package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.ExternalTools;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the AWS CLI against an emulator, with throwaway credentials and no user configuration. */
final class AwsCli {

    private AwsCli() {}

    /** Returns if the AWS CLI is on the PATH; else skips the test, or fails it in CI ({@link ExternalTools}). */
    static void require() {
        ExternalTools.require("aws", "pip install awscli, or AWS CLI v2");
    }

    /** {@code aws --endpoint-url <endpoint> --region us-east-1 <args>}; its output, after checking it succeeded. */
    static String run(Path scratch, URI endpoint, String... args) throws IOException, InterruptedException {
        return runAs(scratch, endpoint, "test", args);
    }

    /** As {@link #run}, signed with {@code accessKeyId} (12 digits: that account's state on the emulator). */
    static String runAs(Path scratch, URI endpoint, String accessKeyId, String... args)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(), "--region",
                "us-east-1"));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", accessKeyId);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().put("AWS_CONFIG_FILE", scratch.resolve("no-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-credentials").toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws CLI finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
