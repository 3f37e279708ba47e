package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsErrors.ARN;
import static dev.lambdamaven.emulator.AwsErrors.assertAwsError;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.PolicyLengthExceededException;

/**
 * AddPermission, GetPolicy and RemovePermission through the SDK. Expected answers are AWS's, recorded in
 * LocalStack's {@code tests/aws/services/lambda_/test_lambda_api.snapshot.json} (each case names its test there).
 */
class FunctionPolicyApiTest extends EmulatorTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FN = ARN + "function:fn";
    private static final String BUCKET = "arn:aws:s3:::test-bucket";

    @BeforeEach
    void createFunction() {
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
    }

    private static AddPermissionRequest.Builder s3(String sid) {
        return AddPermissionRequest.builder().functionName("fn").action("lambda:InvokeFunction").statementId(sid)
                .principal("s3.amazonaws.com").sourceArn(BUCKET);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** TestLambdaPermissions::test_permission_exceptions (recorded 25-11-2025). */
    @Test
    void answersAwsErrors() {
        assertAwsError(() -> lambda.addPermission(s3("example.com").build()), 400, "ValidationException",
                "1 validation error detected: Value 'example.com' at 'statementId' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)");
        assertAwsError(() -> lambda.addPermission(s3("s3").functionName("fn:alias-not-42").qualifier("42").build()),
                400, "InvalidParameterValueException",
                "The derived qualifier from the function name does not match the specified qualifier.");
        assertAwsError(() -> lambda.addPermission(s3("s3").functionName("fn:$LATEST").qualifier("$LATEST").build()),
                400, "InvalidParameterValueException", "We currently do not support adding policies for $LATEST.");
        assertAwsError(() -> lambda.addPermission(b -> b.functionName("fn").action("lambda:InvokeFunction")
                .statementId("lambda").principal("invalid.nonaws.com").sourceAccount("123456789012")), 400,
                "InvalidParameterValueException",
                "The provided principal was invalid. Please check the principal and try again.");
        assertAwsError(() -> lambda.getPolicy(b -> b.functionName("doesnotexist")), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
        assertAwsError(() -> lambda.getPolicy(b -> b.functionName("fn").qualifier("77")), 404,
                "ResourceNotFoundException", "The resource you requested does not exist.");
        assertAwsError(() -> lambda.addPermission(s3("s3").functionName("doesnotexist").build()), 404,
                "ResourceNotFoundException", "Function not found: " + ARN + "function:doesnotexist");
        assertAwsError(() -> lambda.removePermission(b -> b.functionName("fn").statementId("s3")), 404,
                "ResourceNotFoundException", "No policy is associated with the given resource.");
        assertAwsError(() -> lambda.addPermission(s3("s3").functionName("fn:alias-doesnotexist").build()), 404,
                "ResourceNotFoundException", "Cannot find alias arn: " + FN + ":alias-doesnotexist");
        assertAwsError(() -> lambda.addPermission(s3("s3").qualifier("42").build()), 404,
                "ResourceNotFoundException", "Function not found: " + FN + ":42");
        assertAwsError(() -> lambda.addPermission(s3("s3").qualifier("invalid-qualifier-with-?-char").build()), 400,
                "ValidationException", "1 validation error detected: Value 'invalid-qualifier-with-?-char' at"
                        + " 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                        + " \\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+");
        assertAwsError(() -> lambda.addPermission(s3("s3").qualifier("valid-with-$-but-doesnotexist").build()), 404,
                "ResourceNotFoundException", "Function not found: " + FN + ":valid-with-$-but-doesnotexist");
        lambda.addPermission(s3("s3").build());
        assertAwsError(() -> lambda.addPermission(s3("s3").build()), 409, "ResourceConflictException",
                "The statement id (s3) provided already exists. Please provide a new statement id, or remove the"
                        + " existing statement.");
        assertAwsError(() -> lambda.removePermission(b -> b.functionName("doesnotexist").statementId("s3")), 404,
                "ResourceNotFoundException", "No policy found for: " + ARN + "function:doesnotexist");
        assertAwsError(() -> lambda.removePermission(b -> b.functionName("fn").statementId("s3")
                .qualifier("alias-doesnotexist")), 404, "ResourceNotFoundException",
                "Cannot find alias arn: " + FN + ":alias-doesnotexist");
    }

    /** TestLambdaPermissions::test_add_lambda_permission_aws and test_add_lambda_permission_fields (25-11-2025). */
    @Test
    void writesStatementsAsAwsDoes() throws Exception {
        assertThat(json(lambda.addPermission(s3("s3").build()).statement())).isEqualTo(json("""
                {"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction",
                 "Resource":"%s","Condition":{"ArnLike":{"AWS:SourceArn":"%s"}}}""".formatted(FN, BUCKET)));
        assertThat(json(lambda.addPermission(b -> b.functionName("fn").action("lambda:InvokeFunction")
                .statementId("wilcard").principal("*").sourceAccount("123456789012")).statement())).isEqualTo(json("""
                {"Sid":"wilcard","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"%s",
                 "Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"}}}""".formatted(FN)));
        assertThat(json(lambda.addPermission(b -> b.functionName("fn").action("lambda:InvokeFunction")
                .statementId("account-id").principal("210987654321")).statement())).isEqualTo(json("""
                {"Sid":"account-id","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},
                 "Action":"lambda:InvokeFunction","Resource":"%s"}""".formatted(FN)));
        String user = "arn:aws:iam::123456789012:user/ci";
        assertThat(json(lambda.addPermission(b -> b.functionName("fn").action("lambda:InvokeFunction")
                .statementId("user-arn").principal(user).sourceAccount("123456789012")).statement()))
                .isEqualTo(json("""
                {"Sid":"user-arn","Effect":"Allow","Principal":{"AWS":"%s"},"Action":"lambda:InvokeFunction",
                 "Resource":"%s","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"}}}"""
                        .formatted(user, FN)));
        assertThat(json(lambda.addPermission(b -> b.functionName("fn").statementId("urlPermission")
                .action("lambda:InvokeFunctionUrl").principal("*").sourceArn(BUCKET).sourceAccount("123456789012")
                .principalOrgID("o-1234567890").functionUrlAuthType(FunctionUrlAuthType.NONE)).statement()))
                .isEqualTo(json("""
                {"Sid":"urlPermission","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl",
                 "Resource":"%s","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012",
                 "lambda:FunctionUrlAuthType":"NONE","aws:PrincipalOrgID":"o-1234567890"},
                 "ArnLike":{"AWS:SourceArn":"%s"}}}""".formatted(FN, BUCKET)));
        String token = "amzn1.ask.skill.xxxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
        assertThat(json(lambda.addPermission(b -> b.functionName("fn").statementId("alexaSkill")
                .action("lambda:InvokeFunction").principal("*").eventSourceToken(token)).statement()))
                .isEqualTo(json("""
                {"Sid":"alexaSkill","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"%s",
                 "Condition":{"StringEquals":{"lambda:EventSourceToken":"%s"}}}""".formatted(FN, token)));
        JsonNode policy = json(lambda.getPolicy(b -> b.functionName("fn")).policy());
        assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.get("Id").asText()).isEqualTo("default");
        assertThat(policy.get("Statement").findValuesAsText("Sid"))
                .containsExactly("s3", "wilcard", "account-id", "user-arn", "urlPermission", "alexaSkill");
    }

    /** TestLambdaPermissions::test_remove_multi_permissions (25-11-2025). */
    @Test
    void removesStatementsOneByOne() throws Exception {
        lambda.addPermission(b -> b.functionName("fn").action("lambda:InvokeFunction").statementId("s3")
                .principal("s3.amazonaws.com"));
        lambda.addPermission(s3("sqs").principal("sqs.amazonaws.com").build());
        var both = lambda.getPolicy(b -> b.functionName("fn"));
        assertThat(json(both.policy()).get("Statement").findValuesAsText("Sid")).containsExactly("s3", "sqs");
        assertAwsError(() -> lambda.removePermission(b -> b.functionName("fn").statementId("non-existent")), 404,
                "ResourceNotFoundException", "Statement non-existent is not found in resource policy.");
        lambda.removePermission(b -> b.functionName("fn").statementId("sqs"));
        var one = lambda.getPolicy(b -> b.functionName("fn"));
        assertThat(json(one.policy())).isEqualTo(json("""
                {"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"s3","Effect":"Allow",
                 "Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"%s"}]}"""
                .formatted(FN)));
        assertThat(one.revisionId()).isNotEqualTo(both.revisionId())
                .isEqualTo(lambda.getPolicy(b -> b.functionName("fn")).revisionId());
        lambda.removePermission(b -> b.functionName("fn").statementId("s3").revisionId(one.revisionId()));
        assertAwsError(() -> lambda.getPolicy(b -> b.functionName("fn")), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
    }

    /** TestLambdaPermissions::test_lambda_permission_fn_versioning (25-11-2025). */
    @Test
    void keepsOnePolicyPerFunctionVersionAndAlias() throws Exception {
        lambda.addPermission(s3("s3").build());
        var function = lambda.getPolicy(b -> b.functionName("fn"));
        String version = lambda.publishVersion(b -> b.functionName("fn")).version();
        assertThat(lambda.getPolicy(b -> b.functionName("fn")).revisionId()).isEqualTo(function.revisionId());
        assertAwsError(() -> lambda.getPolicy(b -> b.functionName("fn").qualifier(version)), 404,
                "ResourceNotFoundException", "The resource you requested does not exist.");
        lambda.addPermission(s3("s3").functionName("fn:" + version).qualifier(version).build());
        assertThat(json(lambda.getPolicy(b -> b.functionName("fn").qualifier(version)).policy()).at(
                "/Statement/0/Resource").asText()).isEqualTo(FN + ":" + version);
        var alias = lambda.createAlias(b -> b.functionName("fn").name("permission-alias").functionVersion(version));
        assertAwsError(() -> lambda.addPermission(s3("s3").qualifier("permission-alias").revisionId("wrong").build()),
                412, "PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id."
                        + " Call the GetPolicy API to retrieve the latest Revision Id");
        lambda.addPermission(s3("s3").functionName("fn:permission-alias").qualifier("permission-alias")
                .revisionId(alias.revisionId()).build());
        assertThat(json(lambda.getPolicy(b -> b.functionName("fn").qualifier("permission-alias")).policy())
                .at("/Statement/0/Resource").asText()).isEqualTo(FN + ":permission-alias");
        assertThat(lambda.getPolicy(b -> b.functionName("fn")).revisionId()).isEqualTo(function.revisionId());
        lambda.addPermission(s3("s3_2").revisionId(function.revisionId()).build());
        var two = lambda.getPolicy(b -> b.functionName("fn"));
        assertThat(json(two.policy()).get("Statement").findValuesAsText("Sid")).containsExactly("s3", "s3_2");
        assertThat(two.revisionId()).isNotEqualTo(function.revisionId());
    }

    /** TestLambdaRevisions::test_function_revisions_permissions (25-11-2025): a policy change is a function change. */
    @Test
    void aPolicyChangeGivesTheFunctionANewRevision() {
        String active = lambda.getFunction(b -> b.functionName("fn")).configuration().revisionId();
        assertAwsError(() -> lambda.addPermission(s3("s3").revisionId("wrong").build()), 412,
                "PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id. Call"
                        + " the GetPolicy API to retrieve the latest Revision Id");
        lambda.addPermission(s3("s3").revisionId(active).build());
        String added = lambda.getPolicy(b -> b.functionName("fn")).revisionId();
        assertThat(added).isNotEqualTo(active)
                .isEqualTo(lambda.getFunction(b -> b.functionName("fn")).configuration().revisionId());
        assertAwsError(() -> lambda.removePermission(b -> b.functionName("fn").statementId("s3").revisionId("wrong")),
                412, "PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id."
                        + " Call the GetPolicy API to retrieve the latest Revision Id");
        lambda.removePermission(b -> b.functionName("fn").statementId("s3").revisionId(added));
        assertThat(lambda.getFunction(b -> b.functionName("fn")).configuration().revisionId()).isNotEqualTo(added);
    }

    @Test
    void policiesGoWithTheirAliasAndFunction() {
        String version = lambda.publishVersion(b -> b.functionName("fn")).version();
        lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion(version));
        lambda.addPermission(s3("s3").qualifier("live").build());
        lambda.deleteAlias(b -> b.functionName("fn").name("live"));
        lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion(version));
        assertAwsError(() -> lambda.getPolicy(b -> b.functionName("fn").qualifier("live")), 404,
                "ResourceNotFoundException", "The resource you requested does not exist.");
        lambda.addPermission(s3("s3").build());
        lambda.deleteFunction(b -> b.functionName("fn"));
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
        assertAwsError(() -> lambda.getPolicy(b -> b.functionName("fn")), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
    }

    /**
     * AWS's answer quoted in adobe/helix-deploy#24 and scribd/terraform-aws-datadog#61 (400, Type User): "The final
     * policy size (20749) is bigger than the limit (20480)."
     */
    @Test
    void refusesAPolicyOverAwsLimit() {
        String arn = "arn:aws:s3:::" + "b".repeat(900);
        int added = 0;
        while (added < 30) {
            int n = added;
            var refused = catchThrowableOfType(PolicyLengthExceededException.class,
                    () -> lambda.addPermission(s3("s" + n).sourceArn(arn).build()));
            if (refused != null) {
                int size = Integer.parseInt(refused.awsErrorDetails().errorMessage().replaceAll("\\D+", " ").trim()
                        .split(" ")[0]);
                assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("The final policy size (" + size
                        + ") is bigger than the limit (20480).");
                assertThat(size).isGreaterThan(20_480);
                assertThat(lambda.getPolicy(b -> b.functionName("fn")).policy().length()).isLessThanOrEqualTo(20_480);
                return;
            }
            added++;
        }
        throw new AssertionError("30 statements of 1 KB were accepted");
    }
}
