package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdamaven.config.PermissionSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    /**
     * A Lambda policy as GetPolicy answers it on AWS, quoted in the AWS IoT Core developer guide (troubleshooting
     * custom authorizers: "This policy grants the InvokeFunction permission on your function to the AWS IoT Core
     * principal"), plus a statement for an account principal, which AWS stores as the account's root ARN.
     */
    private static final String AWS_POLICY = """
            {"Version": "2012-10-17", "Id": "default", "Statement": [
              {"Sid": "Id123", "Effect": "Allow", "Principal": {"Service": "iot.amazonaws.com"},
               "Action": "lambda:InvokeFunction",
               "Resource": "arn:aws:lambda:us-east-1:111111111111:function:FunctionName",
               "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:iot:us-east-1:111111111111:authorizer/AuthorizerName"},
                             "StringEquals": {"AWS:SourceAccount": "111111111111"}}},
              {"Sid": "maven-partner", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::222222222222:root"},
               "Action": "lambda:InvokeFunction", "Resource": "arn:aws:lambda:us-east-1:111111111111:function:FunctionName"}
            ]}""";

    @Test
    void aStatementReadsAsThePomWritesIt() {
        Map<String, String> statements = Permissions.statements(AWS_POLICY);

        PermissionSpec iot = new PermissionSpec("Id123", "iot.amazonaws.com", null,
                "arn:aws:iot:us-east-1:111111111111:authorizer/AuthorizerName", "111111111111", null, false);
        assertThat(statements).containsEntry("Id123", iot.toString());
        PermissionSpec byId = new PermissionSpec("partner", "222222222222", null, null, null, null, false);
        PermissionSpec byArn = new PermissionSpec("partner", "arn:aws:iam::222222222222:root", null, null, null, null,
                false);
        assertThat(Permissions.changes("permissions", statements, List.of(byId))).as("the account as its id").isEmpty();
        assertThat(Permissions.changes("permissions", statements, List.of(byArn))).as("or as its root ARN").isEmpty();
    }

    @Test
    void onlyThePluginsStatementsAreRemovedWhenDroppedTheOthersOnlyByAReset() {
        Map<String, String> statements = Permissions.statements(AWS_POLICY);

        assertThat(Permissions.changes("permissions", statements, List.of())).extracting(Change::toString)
                .containsExactly("permissions.maven-partner: 222222222222 lambda:InvokeFunction -> (none)");
        assertThat(Permissions.others("permissions", statements)).extracting(Change::field)
                .containsExactly("permissions.Id123");
        assertThat(Permissions.resets("permissions", statements, null)).as("no <permissions> at all, authoritative")
                .extracting(Change::field).containsExactly("permissions.maven-partner", "permissions.Id123");
    }
}
