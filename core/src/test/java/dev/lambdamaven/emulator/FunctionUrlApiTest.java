package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsErrors.ARN;
import static dev.lambdamaven.emulator.AwsErrors.assertAwsError;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Cors;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.FunctionUrlConfig;
import software.amazon.awssdk.services.lambda.model.InvokeMode;

/**
 * Create/Get/Update/Delete/ListFunctionUrlConfig(s) through the SDK, against AWS's answers recorded in LocalStack's
 * {@code test_lambda_api.snapshot.json} (TestLambdaUrl::*, 25-11-2025) and {@code test_lambda.snapshot.json}
 * (TestLambdaURL::test_lambda_update_function_url_config and ::test_lambda_url_invalid_invoke_mode, 24-11-2025).
 */
class FunctionUrlApiTest extends EmulatorTestBase {

    private static final String FN = ARN + "function:fn";

    @BeforeEach
    void createFunction() {
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
        lambda.publishVersion(b -> b.functionName("fn"));
        lambda.createAlias(b -> b.functionName("fn").name("urlalias").functionVersion("1"));
    }

    @Test
    void createsGetsUpdatesAndDeletesUrlConfigs() {
        var created = lambda.createFunctionUrlConfig(b -> b.functionName("fn").authType(FunctionUrlAuthType.NONE));
        assertThat(created.functionArn()).isEqualTo(FN);
        assertThat(created.authType()).isEqualTo(FunctionUrlAuthType.NONE);
        assertThat(created.invokeMode()).isNull(); // not given, not answered (the recording has none)
        assertThat(created.functionUrl()).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:"
                + emulator.endpoint().getPort() + "/");
        assertThat(Instant.parse(created.creationTime())).isBeforeOrEqualTo(Instant.now());
        assertAwsError(() -> lambda.createFunctionUrlConfig(b -> b.functionName("fn")
                .authType(FunctionUrlAuthType.NONE)), 409, "ResourceConflictException", "Failed to create function url"
                        + " config for [functionArn = " + FN + "]. Error message:  FunctionUrlConfig exists for this"
                        + " Lambda function");
        var got = lambda.getFunctionUrlConfig(b -> b.functionName("fn"));
        assertThat(got.functionUrl()).isEqualTo(created.functionUrl());
        assertThat(got.invokeMode()).isEqualTo(InvokeMode.BUFFERED);
        assertThat(got.lastModifiedTime()).isNotNull();
        var updated = lambda.updateFunctionUrlConfig(b -> b.functionName("fn").authType(FunctionUrlAuthType.AWS_IAM));
        assertThat(updated.authType()).isEqualTo(FunctionUrlAuthType.AWS_IAM);
        assertThat(updated.functionUrl()).isEqualTo(created.functionUrl());
        assertThat(updated.creationTime()).isEqualTo(created.creationTime());
        assertThat(updated.invokeMode()).isNull();
        lambda.deleteFunctionUrlConfig(b -> b.functionName("fn"));
        assertAwsError(() -> lambda.getFunctionUrlConfig(b -> b.functionName("fn")), 404, "ResourceNotFoundException",
                "The resource you requested does not exist.");
    }

    /** TestLambdaURL::test_lambda_update_function_url_config: an update without InvokeMode keeps it. */
    @Test
    void keepsWhatAnUpdateLeavesOut() {
        Cors cors = Cors.builder().allowOrigins("https://example.com").allowMethods("GET", "POST").maxAge(300)
                .allowCredentials(true).build();
        var created = lambda.createFunctionUrlConfig(b -> b.functionName("fn").authType(FunctionUrlAuthType.NONE)
                .invokeMode(InvokeMode.BUFFERED).cors(cors));
        assertThat(created.invokeMode()).isEqualTo(InvokeMode.BUFFERED);
        assertThat(created.cors()).isEqualTo(cors);
        assertThat(lambda.updateFunctionUrlConfig(b -> b.functionName("fn").invokeMode(InvokeMode.RESPONSE_STREAM))
                .invokeMode()).isEqualTo(InvokeMode.RESPONSE_STREAM);
        var untouched = lambda.updateFunctionUrlConfig(b -> b.functionName("fn"));
        assertThat(untouched.invokeMode()).isEqualTo(InvokeMode.RESPONSE_STREAM);
        assertThat(untouched.cors()).isEqualTo(cors);
        assertThat(lambda.getFunctionUrlConfig(b -> b.functionName("fn")).invokeMode())
                .isEqualTo(InvokeMode.RESPONSE_STREAM);
        assertAwsError(() -> lambda.createFunctionUrlConfig(b -> b.functionName("fn").qualifier("urlalias")
                .authType(FunctionUrlAuthType.NONE).invokeMode("UNKNOWN")), 400, "ValidationException",
                "1 validation error detected: Value 'UNKNOWN' at 'invokeMode' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [RESPONSE_STREAM, BUFFERED]");
    }

    /** TestLambdaUrl::test_url_config_list_paging and ::test_url_config_deletion_without_qualifier. */
    @Test
    void listsConfigsOfTheFunctionAndItsAliases() {
        assertAwsError(() -> lambda.listFunctionUrlConfigs(b -> b.functionName("doesnotexist")), 404,
                "ResourceNotFoundException", "Function does not exist");
        assertThat(lambda.listFunctionUrlConfigs(b -> b.functionName("fn")).functionUrlConfigs()).isEmpty();
        var function = lambda.createFunctionUrlConfig(b -> b.functionName("fn").authType(FunctionUrlAuthType.NONE));
        var alias = lambda.createFunctionUrlConfig(b -> b.functionName("fn:urlalias").qualifier("urlalias")
                .authType(FunctionUrlAuthType.NONE));
        assertThat(alias.functionArn()).isEqualTo(FN + ":urlalias");
        assertThat(alias.functionUrl()).isNotEqualTo(function.functionUrl());
        List<FunctionUrlConfig> all = lambda.listFunctionUrlConfigs(b -> b.functionName("fn")).functionUrlConfigs();
        assertThat(all).extracting(FunctionUrlConfig::functionArn).containsExactly(FN, FN + ":urlalias");
        assertThat(all).extracting(FunctionUrlConfig::invokeMode).containsOnly(InvokeMode.BUFFERED);
        var first = lambda.listFunctionUrlConfigs(b -> b.functionName("fn").maxItems(1));
        var second = lambda.listFunctionUrlConfigs(b -> b.functionName("fn").maxItems(1).marker(first.nextMarker()));
        assertThat(List.of(first.functionUrlConfigs().get(0).functionUrl(),
                second.functionUrlConfigs().get(0).functionUrl()))
                .containsExactly(function.functionUrl(), alias.functionUrl());
        lambda.deleteFunctionUrlConfig(b -> b.functionName("fn"));
        assertThat(lambda.getFunctionUrlConfig(b -> b.functionName("fn").qualifier("urlalias")).functionUrl())
                .isEqualTo(alias.functionUrl());
    }

    /** TestLambdaUrl::test_url_config_exceptions: the same name and qualifier cases on all four operations. */
    @Test
    void answersAwsErrors() {
        String qualifierPattern = "Member must satisfy regular expression pattern: ((?!^\\d+$)^[0-9a-zA-Z-_]+$)";
        List<Case> cases = List.of(
                new Case("doesnotexist", null, 404, "ResourceNotFoundException", "Function does not exist",
                        "The resource you requested does not exist."),
                new Case(ARN + "function:doesnotexist", null, 404, "ResourceNotFoundException",
                        "Function does not exist", "The resource you requested does not exist."),
                new Case("doesnotexist", "1", 400, "ValidationException", validation("1", qualifierPattern), null),
                new Case("fn", "1", 400, "ValidationException", validation("1", qualifierPattern), null),
                new Case("fn", "2", 400, "ValidationException", validation("2", qualifierPattern), null),
                new Case("fn", "v1", 404, "ResourceNotFoundException", "Function does not exist",
                        "The resource you requested does not exist."),
                new Case("fn:urlalias-doesnotmatch", "urlalias", 400, "InvalidParameterValueException",
                        "The derived qualifier from the function name does not match the specified qualifier.", null),
                new Case("fn", "$LATEST", 400, "ValidationException", validation("$LATEST", qualifierPattern), null));
        for (Case c : cases) {
            String getMessage = c.getMessage() == null ? c.createMessage() : c.getMessage();
            check(() -> lambda.createFunctionUrlConfig(b -> b.functionName(c.name()).qualifier(c.qualifier())
                    .authType(FunctionUrlAuthType.NONE)), c, c.createMessage());
            check(() -> lambda.updateFunctionUrlConfig(b -> b.functionName(c.name()).qualifier(c.qualifier())
                    .authType(FunctionUrlAuthType.AWS_IAM)), c, c.createMessage());
            check(() -> lambda.getFunctionUrlConfig(b -> b.functionName(c.name()).qualifier(c.qualifier())), c,
                    getMessage);
            if (c.code().equals("InvalidParameterValueException")) {
                continue; // DeleteFunctionUrlConfig answered AWS's own InternalFailure here when recorded
            }
            check(() -> lambda.deleteFunctionUrlConfig(b -> b.functionName(c.name()).qualifier(c.qualifier())), c,
                    getMessage);
        }
        for (ThrowingCallable noConfig : List.<ThrowingCallable>of(
                () -> lambda.getFunctionUrlConfig(b -> b.functionName("fn")),
                () -> lambda.deleteFunctionUrlConfig(b -> b.functionName("fn")),
                () -> lambda.updateFunctionUrlConfig(b -> b.functionName("fn").authType(FunctionUrlAuthType.AWS_IAM)))) {
            assertAwsError(noConfig, 404, "ResourceNotFoundException", "The resource you requested does not exist.");
        }
    }

    /** A name and qualifier case, with what Create and Update answer, and what Get and Delete answer (if other). */
    private record Case(String name, String qualifier, int status, String code, String createMessage,
            String getMessage) {}

    private static void check(ThrowingCallable call, Case c, String message) {
        assertAwsError(call, c.status(), c.code(), message);
    }

    private static String validation(String value, String constraint) {
        return "1 validation error detected: Value '" + value + "' at 'qualifier' failed to satisfy constraint: "
                + constraint;
    }

    @Test
    void checksCorsLimits() {
        assertAwsError(() -> lambda.createFunctionUrlConfig(b -> b.functionName("fn").authType(FunctionUrlAuthType.NONE)
                .cors(c -> c.allowMethods("GETTTTT").maxAge(86401))), 400, "ValidationException",
                "2 validation errors detected: Value '[GETTTTT]' at 'cors.allowMethods' failed to satisfy constraint:"
                        + " Member must satisfy constraint: [Member must have length less than or equal to 6, Member"
                        + " must have length greater than or equal to 0, Member must satisfy regular expression"
                        + " pattern: .*]; Value '86401' at 'cors.maxAge' failed to satisfy constraint: Member must have"
                        + " value less than or equal to 86400");
        assertAwsError(() -> lambda.createFunctionUrlConfig(b -> b.functionName("fn")), 400, "ValidationException",
                "1 validation error detected: Value null at 'authType' failed to satisfy constraint: Member must not be"
                        + " null");
    }

    /** Deleting an alias deletes its URL (TestLambdaURL::test_lambda_url_persists_after_alias_delete), and so does
     * deleting the function. */
    @Test
    void urlsGoWithTheirAliasAndFunction() {
        lambda.createFunctionUrlConfig(b -> b.functionName("fn").qualifier("urlalias")
                .authType(FunctionUrlAuthType.NONE));
        lambda.deleteAlias(b -> b.functionName("fn").name("urlalias"));
        lambda.createAlias(b -> b.functionName("fn").name("urlalias").functionVersion("1"));
        assertAwsError(() -> lambda.getFunctionUrlConfig(b -> b.functionName("fn").qualifier("urlalias")), 404,
                "ResourceNotFoundException", "The resource you requested does not exist.");
        lambda.createFunctionUrlConfig(b -> b.functionName("fn").authType(FunctionUrlAuthType.NONE));
        lambda.deleteFunction(b -> b.functionName("fn"));
        lambda.createFunction(createRequest("fn", zip("a", "1")).build());
        assertThat(lambda.listFunctionUrlConfigs(b -> b.functionName("fn")).functionUrlConfigs()).isEmpty();
    }
}
