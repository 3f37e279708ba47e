package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsAnswers.ACCOUNT;
import static dev.lambdamaven.emulator.AwsAnswers.ARN;
import static dev.lambdamaven.emulator.AwsAnswers.REGION;
import static dev.lambdamaven.emulator.AwsAnswers.a;
import static dev.lambdamaven.emulator.AwsAnswers.answers;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Function names and qualifiers as AWS checks them, operation by operation: every case of LocalStack's
 * TestLambdaFunction::test_function_name_and_qualifier_validation (test_lambda_api.snapshot.json, recorded on AWS on
 * 2025-11-25, and 2024-08-22 for qualifier_too_long1), for GetFunction, DeleteFunction, Invoke and CreateFunction
 * (which that test sends as {@code name:qualifier}). No function exists. The patterns are AWS's as it prints them:
 * CreateFunction's differs from the others'.
 */
class AwsRecordedFunctionNamesTest {

    static final String NAMESPACED_NAME_PATTERN = "Member must satisfy regular expression pattern: "
            + "(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
            + "(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?";
    static final String NAME_PATTERN = "Member must satisfy regular expression pattern: "
            + "(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
            + "(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    static final String QUALIFIER_PATTERN = "Member must satisfy regular expression pattern: "
            + "\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+";

    @TempDir
    static Path dir;
    static Emulator emulator;
    static LambdaClient lambda;

    @BeforeAll
    static void start() throws Exception {
        emulator = EmulatorFixture.start(dir);
        lambda = EmulatorFixture.lambda(emulator);
    }

    @AfterAll
    static void stop() {
        lambda.close();
        emulator.close();
    }

    /** AWS's answer: one message, or constraint failures (in any order: the recording sorts them). */
    record Expected(String message, List<String> failures) {}

    static Expected message(String message) {
        return new Expected(message, null);
    }

    static Expected errors(String... failures) {
        return new Expected(null, List.of(failures));
    }

    static Object[] row(String recordedCase, String operation, String name, String qualifier, String code,
            Expected expected) {
        return new Object[] {recordedCase + "-" + operation, operation, name, qualifier, code, expected};
    }

    static Stream<Object[]> recorded() {
        return Stream.of(
                row("function_name_is_single_invalid", "get_function", "*", null, "ValidationException", errors("Value '*' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("function_name_is_single_invalid", "delete_function", "*", null, "ValidationException", errors("Value '*' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("function_name_is_single_invalid", "invoke", "*", null, "ValidationException", errors("Value '*' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("function_name_is_single_invalid", "create_function", "*", null, "ValidationException", errors("Value '*' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("invalid_characters_in_function_name", "get_function", "my-function!", null, "ValidationException", errors("Value 'my-function!' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("invalid_characters_in_function_name", "delete_function", "my-function!", null, "ValidationException", errors("Value 'my-function!' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("invalid_characters_in_function_name", "invoke", "my-function!", null, "ValidationException", errors("Value 'my-function!' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("invalid_characters_in_function_name", "create_function", "my-function!", null, "ValidationException", errors("Value 'my-function!' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("invalid_characters_in_qualifier", "get_function", "my-function", "invalid!", "ValidationException", errors("Value 'invalid!' at 'qualifier' failed to satisfy constraint: " + QUALIFIER_PATTERN)),
                row("invalid_characters_in_qualifier", "delete_function", "my-function", "invalid!", "ValidationException", errors("Value 'invalid!' at 'qualifier' failed to satisfy constraint: " + QUALIFIER_PATTERN)),
                row("invalid_characters_in_qualifier", "invoke", "my-function", "invalid!", "ValidationException", errors("Value 'invalid!' at 'qualifier' failed to satisfy constraint: " + QUALIFIER_PATTERN)),
                row("invalid_characters_in_qualifier", "create_function", "my-function", "invalid!", "ValidationException", errors("Value 'my-function:invalid!' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("invalid_account_id_in_partial_arn", "get_function", "invalid-account:function:my-function", null, "ValidationException", errors("Value 'invalid-account:function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("invalid_account_id_in_partial_arn", "delete_function", "invalid-account:function:my-function", null, "ValidationException", errors("Value 'invalid-account:function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("invalid_account_id_in_partial_arn", "invoke", "invalid-account:function:my-function", null, "ValidationException", errors("Value 'invalid-account:function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("invalid_account_id_in_partial_arn", "create_function", "invalid-account:function:my-function", null, "ValidationException", errors("Value 'invalid-account:function:my-function' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("invalid_region_in_arn", "get_function", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("invalid_region_in_arn", "delete_function", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("invalid_region_in_arn", "invoke", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("invalid_region_in_arn", "create_function", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("non_lambda_arn", "get_function", "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance:i-1234567890abcdef0", null, "ValidationException", errors("Value 'arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance:i-1234567890abcdef0' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("non_lambda_arn", "delete_function", "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance:i-1234567890abcdef0", null, "ValidationException", errors("Value 'arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance:i-1234567890abcdef0' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("non_lambda_arn", "invoke", "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance:i-1234567890abcdef0", null, "ValidationException", errors("Value 'arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance:i-1234567890abcdef0' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("non_lambda_arn", "create_function", "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance:i-1234567890abcdef0", null, "ValidationException", errors("Value 'arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance:i-1234567890abcdef0' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("function_name_too_long", "get_function", a(65), null, "ResourceNotFoundException", message("Function not found: " + ARN + a(65))),
                row("function_name_too_long", "delete_function", a(65), null, "ResourceNotFoundException", message("Function not found: " + ARN + a(65))),
                row("function_name_too_long", "invoke", a(65), null, "ResourceNotFoundException", message("Function not found: " + ARN + a(65) + ":$LATEST")),
                row("function_name_too_long", "create_function", a(65), null, "InvalidParameterValueException", errors("Value '" + a(65) + "' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64")),
                row("function_name_too_long_and_invalid_region", "get_function", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + a(170), null, "ValidationException", errors("Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + a(170) + "' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("function_name_too_long_and_invalid_region", "delete_function", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + a(170), null, "ValidationException", errors("Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + a(140) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("function_name_too_long_and_invalid_region", "invoke", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + a(170), null, "ValidationException", errors("Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + a(170) + "' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("function_name_too_long_and_invalid_region", "create_function", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + a(170), null, "ValidationException", errors("Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + a(140) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 140", "Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function" + a(140) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("full_arn_and_qualifier_too_long_and_invalid_region", "get_function", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function-" + a(170), a(129), "ValidationException", errors("Value '" + a(129) + "' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128", "Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function-" + a(170) + "' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("full_arn_and_qualifier_too_long_and_invalid_region", "delete_function", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function-" + a(170), a(129), "ValidationException", errors("Value '" + a(129) + "' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128", "Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function-" + a(140) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("full_arn_and_qualifier_too_long_and_invalid_region", "invoke", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function-" + a(170), a(129), "ValidationException", errors("Value '" + a(129) + "' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128", "Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function-" + a(170) + "' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("full_arn_and_qualifier_too_long_and_invalid_region", "create_function", "arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function-" + a(170), a(129), "ValidationException", errors("Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function-" + a(140) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:" + a(129) + "' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 140", "Value 'arn:aws:lambda:invalid-region:" + ACCOUNT + ":function:my-function-" + a(140) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:" + a(129) + "' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("qualifier_too_long1", "get_function", "my-function", a(65), "ResourceNotFoundException", message("Function not found: " + ARN + "my-function:" + a(65))),
                row("qualifier_too_long1", "delete_function", "my-function", a(65), "InvalidParameterValueException", message("Deletion of aliases is not currently supported.")),
                row("qualifier_too_long1", "invoke", "my-function", a(65), "ResourceNotFoundException", message("Function not found: " + ARN + "my-function:" + a(65))),
                row("full_arn_with_multiple_qualifiers", "get_function", ARN + "my-function:1:2", null, "ValidationException", errors("Value '" + ARN + "my-function:1:2' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("full_arn_with_multiple_qualifiers", "delete_function", ARN + "my-function:1:2", null, "ValidationException", errors("Value '" + ARN + "my-function:1:2' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("full_arn_with_multiple_qualifiers", "invoke", ARN + "my-function:1:2", null, "ValidationException", errors("Value '" + ARN + "my-function:1:2' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("full_arn_with_multiple_qualifiers", "create_function", ARN + "my-function:1:2", null, "ValidationException", errors("Value '" + ARN + "my-function:1:2' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("incomplete_arn", "get_function", "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function", null, "ResourceNotFoundException", message("Function not found: " + ARN + "function")),
                row("incomplete_arn", "delete_function", "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function", null, "ResourceNotFoundException", message("Function not found: " + ARN + "function")),
                row("incomplete_arn", "invoke", "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function", null, "ResourceNotFoundException", message("Function not found: " + ARN + "function:$LATEST")),
                row("partial_arn_with_extra_qualifier", "get_function", "function:my-function:$LATEST:extra", null, "ValidationException", errors("Value 'function:my-function:$LATEST:extra' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("partial_arn_with_extra_qualifier", "delete_function", "function:my-function:$LATEST:extra", null, "ValidationException", errors("Value 'function:my-function:$LATEST:extra' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("partial_arn_with_extra_qualifier", "invoke", "function:my-function:$LATEST:extra", null, "ValidationException", errors("Value 'function:my-function:$LATEST:extra' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("partial_arn_with_extra_qualifier", "create_function", "function:my-function:$LATEST:extra", null, "ValidationException", errors("Value 'function:my-function:$LATEST:extra' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("latest_version_with_additional_qualifier", "get_function", ARN + "my-function:$LATEST", "1", "InvalidParameterValueException", message("The derived qualifier from the function name does not match the specified qualifier.")),
                row("latest_version_with_additional_qualifier", "delete_function", ARN + "my-function:$LATEST", "1", "InvalidParameterValueException", message("The derived qualifier from the function name does not match the specified qualifier.")),
                row("latest_version_with_additional_qualifier", "invoke", ARN + "my-function:$LATEST", "1", "InvalidParameterValueException", message("The derived qualifier from the function name does not match the specified qualifier.")),
                row("latest_version_with_additional_qualifier", "create_function", ARN + "my-function:$LATEST", "1", "ValidationException", errors("Value '" + ARN + "my-function:$LATEST:1' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("lowercase_latest_qualifier", "get_function", ARN + "my-function", "$latest", "ResourceNotFoundException", message("Function not found: " + ARN + "my-function:$latest")),
                row("lowercase_latest_qualifier", "delete_function", ARN + "my-function", "$latest", "ResourceNotFoundException", message("Function not found: " + ARN + "my-function")),
                row("lowercase_latest_qualifier", "invoke", ARN + "my-function", "$latest", "ResourceNotFoundException", message("Function not found: " + ARN + "my-function:$latest")),
                row("lowercase_latest_qualifier", "create_function", ARN + "my-function", "$latest", "ValidationException", errors("Value '" + ARN + "my-function:$latest' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("missing_region_in_arn", "get_function", "arn:aws:lambda::" + ACCOUNT + ":function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda::" + ACCOUNT + ":function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("missing_region_in_arn", "delete_function", "arn:aws:lambda::" + ACCOUNT + ":function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda::" + ACCOUNT + ":function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("missing_region_in_arn", "invoke", "arn:aws:lambda::" + ACCOUNT + ":function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda::" + ACCOUNT + ":function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("missing_region_in_arn", "create_function", "arn:aws:lambda::" + ACCOUNT + ":function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda::" + ACCOUNT + ":function:my-function' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("missing_account_id_in_arn", "get_function", "arn:aws:lambda:" + REGION + "::function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda:" + REGION + "::function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("missing_account_id_in_arn", "delete_function", "arn:aws:lambda:" + REGION + "::function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda:" + REGION + "::function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("missing_account_id_in_arn", "invoke", "arn:aws:lambda:" + REGION + "::function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda:" + REGION + "::function:my-function' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("missing_account_id_in_arn", "create_function", "arn:aws:lambda:" + REGION + "::function:my-function", null, "ValidationException", errors("Value 'arn:aws:lambda:" + REGION + "::function:my-function' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("misspelled_latest_in_arn", "get_function", ARN + "my-function:$LATES", null, "ValidationException", errors("Value '" + ARN + "my-function:$LATES' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("misspelled_latest_in_arn", "delete_function", ARN + "my-function:$LATES", null, "ValidationException", errors("Value '" + ARN + "my-function:$LATES' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("misspelled_latest_in_arn", "invoke", ARN + "my-function:$LATES", null, "ValidationException", errors("Value '" + ARN + "my-function:$LATES' at 'functionName' failed to satisfy constraint: " + NAMESPACED_NAME_PATTERN)),
                row("misspelled_latest_in_arn", "create_function", ARN + "my-function:$LATES", null, "ValidationException", errors("Value '" + ARN + "my-function:$LATES' at 'functionName' failed to satisfy constraint: " + NAME_PATTERN)),
                row("qualifier_too_long", "get_function", "my-function", a(129), "ValidationException", errors("Value '" + a(129) + "' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128")),
                row("qualifier_too_long", "delete_function", "my-function", a(129), "ValidationException", errors("Value '" + a(129) + "' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128")),
                row("qualifier_too_long", "invoke", "my-function", a(129), "ValidationException", errors("Value '" + a(129) + "' at 'qualifier' failed to satisfy constraint: Member must have length less than or equal to 128")),
                row("qualifier_too_long", "create_function", "my-function", a(129), "ValidationException", errors("Value 'my-function:" + a(129) + "' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 140")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void answersAsAwsAnswered(String recordedCase, String operation, String name, String qualifier, String code,
            Expected expected) {
        ThrowingCallable call = switch (operation) {
            case "get_function" -> () -> lambda.getFunction(b -> b.functionName(name).qualifier(qualifier));
            case "delete_function" -> () -> lambda.deleteFunction(b -> b.functionName(name).qualifier(qualifier));
            case "invoke" -> () -> lambda.invoke(b -> b.functionName(name).qualifier(qualifier));
            case "create_function" -> () -> lambda.createFunction(createRequest(
                    qualifier == null ? name : name + ":" + qualifier, zip("index.py", "def handler(e, c): pass"))
                    .runtime(Runtime.PYTHON3_12).handler("index.handler").build());
            default -> throw new IllegalArgumentException(operation);
        };
        if (expected.failures() != null) {
            AwsAnswers.failures(call, code, expected.failures().toArray(String[]::new));
        } else {
            AwsAnswers.answers(call, code.equals("ResourceNotFoundException") ? 404 : 400, code, expected.message());
        }
    }

    // test_ops_with_arn_qualifier_mismatch: no function "some-function"
    @Test
    void aQualifierInTheArnMustMatchTheQualifierParameter() {
        String mismatch = "The derived qualifier from the function name does not match the specified qualifier.";
        String latest = ARN + "some-function:$LATEST";
        answers(() -> lambda.deleteFunction(b -> b.functionName(ARN + "some-function:1").qualifier("$LATEST")), 400,
                "InvalidParameterValueException", mismatch);
        answers(() -> lambda.deleteFunction(b -> b.functionName(latest).qualifier("$LATEST")), 400,
                "InvalidParameterValueException", "$LATEST version cannot be deleted without deleting the function.");
        for (ThrowingCallable get : List.<ThrowingCallable>of(
                () -> lambda.getFunction(b -> b.functionName(latest).qualifier("$LATEST")),
                () -> lambda.getFunctionConfiguration(b -> b.functionName(latest).qualifier("$LATEST")))) {
            answers(get, 404, "ResourceNotFoundException", "Function not found: " + latest);
        }
        answers(() -> lambda.getFunction(b -> b.functionName(ARN + "some-function:1").qualifier("$LATEST")), 400,
                "InvalidParameterValueException", mismatch);
        answers(() -> lambda.getFunctionConfiguration(b -> b.functionName(ARN + "some-function:1")
                .qualifier("$LATEST")), 400, "InvalidParameterValueException", mismatch);
    }

    // test_ops_on_nonexisting_version, test_delete_on_nonexisting_version, test_ops_on_nonexisting_fn
    @Test
    void missingVersionsAndFunctionsAreNotFoundAndDeletingAMissingVersionIsNoError() {
        lambda.createFunction(createRequest("i-exist", zip("a", "b")).build());
        answers(() -> lambda.getFunction(b -> b.functionName("i-exist").qualifier("1221")), 404,
                "ResourceNotFoundException", "Function not found: " + ARN + "i-exist:1221");
        answers(() -> lambda.getFunctionConfiguration(b -> b.functionName("i-exist").qualifier("1221")), 404,
                "ResourceNotFoundException", "Function not found: " + ARN + "i-exist:1221");
        lambda.deleteFunction(b -> b.functionName("i-exist").qualifier("1233"));
        lambda.deleteFunction(b -> b.functionName("i-exist").qualifier("1233"));
        lambda.deleteFunction(b -> b.functionName("i-exist"));
        String gone = "Function not found: " + ARN + "i-exist";
        answers(() -> lambda.deleteFunction(b -> b.functionName("i-exist")), 404, "ResourceNotFoundException", gone);
        answers(() -> lambda.deleteFunction(b -> b.functionName("i-exist").qualifier("1233")), 404,
                "ResourceNotFoundException", gone);
        for (ThrowingCallable missing : List.<ThrowingCallable>of(
                () -> lambda.getFunction(b -> b.functionName("i-exist")),
                () -> lambda.getFunctionConfiguration(b -> b.functionName("i-exist")),
                () -> lambda.getFunctionConcurrency(b -> b.functionName("i-exist")))) {
            answers(missing, 404, "ResourceNotFoundException", gone);
        }
    }

    // test_get_function_wrong_region: a function ARN of another region
    @Test
    void aFunctionOfAnotherRegionIsNotReachable() {
        String elsewhere = "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:elsewhere";
        String message = "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')";
        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> lambda.getFunction(b -> b.functionName(elsewhere)),
                () -> lambda.getFunctionConfiguration(b -> b.functionName(elsewhere)),
                () -> lambda.getFunctionConcurrency(b -> b.functionName(elsewhere)),
                () -> lambda.deleteFunction(b -> b.functionName(elsewhere)),
                () -> lambda.invoke(b -> b.functionName(elsewhere)))) {
            answers(call, 404, "ResourceNotFoundException", message);
        }
    }

    // test_invalid_invoke
    @Test
    void invokeChecksTheNamePattern() {
        String name = "arn:aws:lambda:us-east-1:123400000000@function:myfn";
        answers(() -> lambda.invoke(b -> b.functionName(name)), 400, "ValidationException", "1 validation error"
                + " detected: Value '" + name + "' at 'functionName' failed to satisfy constraint: "
                + NAMESPACED_NAME_PATTERN);
    }
}
