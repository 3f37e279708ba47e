package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsErrors.ARN;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.RecursiveLoop;
import software.amazon.awssdk.services.lambda.model.UpdateRuntimeOn;

/**
 * What the control plane's other families store survives a restart, belongs to its account and region, and goes
 * with its function (DeleteFunction leaves no row behind), except what AWS keeps: event source mappings and code
 * signing configs.
 */
class ControlPlaneDurabilityTest {

    /** The tables of the families that belong to a function, with their function column. */
    private static final List<String> FUNCTION_TABLES = List.of("function_policies", "event_invoke_configs",
            "function_urls", "provisioned_concurrency", "function_recursion", "runtime_management",
            "function_code_signing");

    @TempDir
    Path dir;

    @Test
    void survivesRestartsAndGoesWithItsFunction() throws Exception {
        String cscArn;
        String url;
        String uuid;
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("fn", zip("a", "1")).publish(true).build());
            lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1"));
            for (String qualifier : new String[] {null, "1", "live"}) {
                // a policy change rewrites the version's (alias's) row with a new revision: nothing else goes
                lambda.putFunctionEventInvokeConfig(b -> b.functionName("fn").qualifier(qualifier)
                        .maximumRetryAttempts(1));
                for (String sid : new String[] {"s3", "sns"}) {
                    lambda.addPermission(b -> b.functionName("fn").qualifier(qualifier).statementId(sid)
                            .action("lambda:InvokeFunction").principal(sid + ".amazonaws.com"));
                }
            }
            url = lambda.createFunctionUrlConfig(b -> b.functionName("fn").qualifier("live")
                    .authType(FunctionUrlAuthType.AWS_IAM)).functionUrl();
            lambda.createFunctionUrlConfig(b -> b.functionName("fn").authType(FunctionUrlAuthType.NONE));
            lambda.putProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("live")
                    .provisionedConcurrentExecutions(3));
            lambda.putFunctionRecursionConfig(b -> b.functionName("fn").recursiveLoop(RecursiveLoop.ALLOW));
            lambda.putRuntimeManagementConfig(b -> b.functionName("fn").qualifier("1")
                    .updateRuntimeOn(UpdateRuntimeOn.FUNCTION_UPDATE));
            cscArn = lambda.createCodeSigningConfig(b -> b.allowedPublishers(p -> p.signingProfileVersionArns(
                    "arn:aws:signer:us-east-1:123456789012:/signing-profiles/test"))).codeSigningConfig()
                    .codeSigningConfigArn();
            String csc = cscArn;
            lambda.putFunctionCodeSigningConfig(b -> b.functionName("fn").codeSigningConfigArn(csc));
            uuid = lambda.createEventSourceMapping(b -> b.functionName("fn:live")
                    .eventSourceArn("arn:aws:sqs:us-east-1:123456789012:orders")).uuid();
        }
        assertThat(rows()).containsEntry("function_policies", 3).containsEntry("event_invoke_configs", 3)
                .containsEntry("function_urls", 2).containsEntry("provisioned_concurrency", 1);
        try (Emulator emulator = EmulatorFixture.start(dir); LambdaClient lambda = EmulatorFixture.lambda(emulator);
                LambdaClient ireland = LambdaClient.builder().endpointOverride(emulator.endpoint())
                        .region(Region.EU_WEST_1).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).build()) {
            assertThat(ireland.listEventSourceMappings(b -> { }).eventSourceMappings()).isEmpty();
            assertThat(ireland.listCodeSigningConfigs(b -> { }).codeSigningConfigs()).isEmpty();
            assertThat(lambda.getPolicy(b -> b.functionName("fn").qualifier("live")).policy()).contains("\"s3\"")
                    .contains("\"sns\"");
            assertThat(lambda.getFunctionEventInvokeConfig(b -> b.functionName("fn").qualifier("1"))
                    .maximumRetryAttempts()).isEqualTo(1);
            assertThat(lambda.getFunctionUrlConfig(b -> b.functionName("fn").qualifier("live")).functionUrl()
                    .replaceAll(":\\d+/$", "")).isEqualTo(url.replaceAll(":\\d+/$", ""));
            assertThat(lambda.getProvisionedConcurrencyConfig(b -> b.functionName("fn").qualifier("live"))
                    .requestedProvisionedConcurrentExecutions()).isEqualTo(3);
            assertThat(lambda.getFunctionRecursionConfig(b -> b.functionName("fn")).recursiveLoop())
                    .isEqualTo(RecursiveLoop.ALLOW);
            assertThat(lambda.getRuntimeManagementConfig(b -> b.functionName("fn").qualifier("1")).updateRuntimeOn())
                    .isEqualTo(UpdateRuntimeOn.FUNCTION_UPDATE);
            assertThat(lambda.getFunctionCodeSigningConfig(b -> b.functionName("fn")).codeSigningConfigArn())
                    .isEqualTo(cscArn);
            assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).functionArn()).isEqualTo(ARN + "function:fn:live");
            lambda.deleteFunction(b -> b.functionName("fn"));
            assertThat(rows()).containsOnlyKeys(FUNCTION_TABLES).allSatisfy((table, count) -> assertThat(count)
                    .as(table).isZero());
            assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Enabled");
            lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(cscArn)); // released by the deletion
        }
    }

    private Map<String, Integer> rows() throws Exception {
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("emulator.db"))) {
            for (String table : FUNCTION_TABLES) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.put(table, rs.getInt(1));
                }
            }
        }
        return rows;
    }
}
