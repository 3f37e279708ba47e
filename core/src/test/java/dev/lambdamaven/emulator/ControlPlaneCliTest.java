package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsErrors.ARN;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The AWS CLI (botocore's own serializers and parsers) on the control plane's other families. */
class ControlPlaneCliTest extends EmulatorTestBase {

    @Test
    void theAwsCliManagesPermissionsUrlsAndMappings() throws Exception {
        AwsCli.require();
        lambda.createFunction(createRequest("cli", zip("a", "1")).build());
        AwsCli.run(dir, emulator.endpoint(), "lambda", "add-permission", "--function-name", "cli", "--statement-id",
                "s3", "--action", "lambda:InvokeFunction", "--principal", "s3.amazonaws.com");
        assertThat(AwsCli.run(dir, emulator.endpoint(), "lambda", "get-policy", "--function-name", "cli", "--query",
                "Policy", "--output", "text")).contains("\"Principal\":{\"Service\":\"s3.amazonaws.com\"}");
        assertThat(AwsCli.run(dir, emulator.endpoint(), "lambda", "create-function-url-config", "--function-name",
                "cli", "--auth-type", "NONE", "--cors", "AllowOrigins=https://example.com,MaxAge=60", "--query",
                "[FunctionArn,Cors.MaxAge]", "--output", "text").trim().split("\\s+"))
                .containsExactly(ARN + "function:cli", "60");
        String mapping = AwsCli.run(dir, emulator.endpoint(), "lambda", "create-event-source-mapping",
                "--function-name", "cli", "--event-source-arn", "arn:aws:sqs:us-east-1:123456789012:orders",
                "--query", "UUID", "--output", "text").trim();
        assertThat(AwsCli.run(dir, emulator.endpoint(), "lambda", "get-event-source-mapping", "--uuid", mapping,
                "--query", "[State,LastModified]", "--output", "text").trim().split("\\s+"))
                .hasSize(2).startsWith("Enabled");
        assertThat(AwsCli.run(dir, emulator.endpoint(), "lambda", "put-function-event-invoke-config",
                "--function-name", "cli", "--maximum-retry-attempts", "0", "--query", "FunctionArn", "--output",
                "text").trim()).isEqualTo(ARN + "function:cli:$LATEST");
    }
}
