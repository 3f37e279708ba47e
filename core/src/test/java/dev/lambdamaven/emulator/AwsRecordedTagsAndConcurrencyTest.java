package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.AwsAnswers.ARN;
import static dev.lambdamaven.emulator.AwsAnswers.answers;
import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;

/**
 * Tags, reserved concurrency and account settings against AWS's answers recorded in LocalStack's
 * test_lambda_api.snapshot.json (TestLambdaTag, TestLambdaTags, TestLambdaReservedConcurrency,
 * TestLambdaAccountSettings; the test is named at each case).
 */
class AwsRecordedTagsAndConcurrencyTest extends EmulatorTestBase {

    private static final byte[] CODE = zip("index.py", "def handler(event, context):\n    return event\n");
    private static final String TAGGABLE = "Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:"
            + "(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|"
            + "[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:"
            + "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:"
            + "[a-zA-Z0-9-_]+)";
    private static final String NOT_ON_VERSIONS = "Tags on function aliases and versions are not supported. Please"
            + " specify a function ARN.";

    private Map<String, String> tags(String arn) {
        return lambda.listTags(b -> b.resource(arn)).tags();
    }

    // TestLambdaTag::test_create_tag_on_fn_create, test_tag_lifecycle[lambda_function]
    @Test
    void tagsAreSetMergedAndRemoved() {
        lambda.createFunction(createRequest("tagged", CODE).tags(Map.of("testtag", "custom")).build());
        String arn = ARN + "tagged";
        assertThat(lambda.getFunction(b -> b.functionName("tagged")).tags()).isEqualTo(Map.of("testtag", "custom"));
        lambda.untagResource(b -> b.resource(arn).tagKeys("testtag"));
        lambda.tagResource(b -> b.resource(arn).tags(Map.of("A", "tag-a")));
        assertThat(tags(arn)).isEqualTo(Map.of("A", "tag-a"));
        lambda.tagResource(b -> b.resource(arn).tags(Map.of("B", "tag-b", "C", "tag-c")));
        lambda.tagResource(b -> b.resource(arn).tags(Map.of("C", "tag-c-newsuffix", "D", "tag-d")));
        assertThat(tags(arn)).isEqualTo(Map.of("A", "tag-a", "B", "tag-b", "C", "tag-c-newsuffix", "D", "tag-d"));
        lambda.untagResource(b -> b.resource(arn).tagKeys("A"));
        lambda.untagResource(b -> b.resource(arn).tagKeys("B", "C"));
        lambda.untagResource(b -> b.resource(arn).tagKeys("F"));
        assertThat(tags(arn)).isEqualTo(Map.of("D", "tag-d"));
        lambda.untagResource(b -> b.resource(arn).tagKeys("D", "F"));
        assertThat(tags(arn)).isEmpty();
        assertThat(lambda.getFunction(b -> b.functionName("tagged")).hasTags()).as("no Tags once none is left")
                .isFalse();
    }

    // TestLambdaTags::test_tag_lifecycle: a tag change is a change of the function
    @Test
    void taggingChangesTheFunctionsRevision() {
        lambda.createFunction(createRequest("revised", CODE).tags(Map.of("key_a", "value_a")).build());
        String before = lambda.getFunction(b -> b.functionName("revised")).configuration().revisionId();
        lambda.tagResource(b -> b.resource(ARN + "revised").tags(Map.of("key_b", "value_b")));
        String tagged = lambda.getFunction(b -> b.functionName("revised")).configuration().revisionId();
        assertThat(tagged).isNotEqualTo(before);
        lambda.untagResource(b -> b.resource(ARN + "revised").tagKeys("key_b"));
        assertThat(lambda.getFunction(b -> b.functionName("revised")).configuration().revisionId())
                .isNotIn(before, tagged);
    }

    // TestLambdaTags::test_tag_exceptions, TestLambdaTag::test_tag_exceptions, test_tag_nonexisting_resource,
    // TestLambdaTags::test_tag_versions
    @Test
    void tagErrorsAnswerAsAws() {
        String arn = ARN + "tags-fn";
        answers(() -> lambda.tagResource(b -> b.resource("arn:aws:something").tags(Map.of("a", "b"))), 400,
                "ValidationException", "1 validation error detected: Value 'arn:aws:something' at 'resource' failed to"
                        + " satisfy constraint: " + TAGGABLE);
        String foobar = "arn:aws:lambda:us-east-1:" + AwsAnswers.ACCOUNT + ":foobar:tags-fn";
        answers(() -> lambda.listTags(b -> b.resource(foobar)), 400, "ValidationException", "1 validation error"
                + " detected: Value '" + foobar + "' at 'resource' failed to satisfy constraint: " + TAGGABLE);
        answers(() -> lambda.tagResource(b -> b.resource(ARN + "doesnotexist").tags(Map.of("a", "b"))), 404,
                "ResourceNotFoundException", "Function not found: " + ARN + "doesnotexist");
        lambda.createFunction(createRequest("tags-fn", CODE).build());
        lambda.publishVersion(b -> b.functionName("tags-fn"));
        for (String qualified : List.of(arn + ":doesnotexist", arn + ":1", arn + ":$LATEST")) {
            answers(() -> lambda.tagResource(b -> b.resource(qualified).tags(Map.of("a", "b"))), 400,
                    "InvalidParameterValueException", NOT_ON_VERSIONS);
        }
        assertThat(tags(arn)).isEmpty();
        lambda.untagResource(b -> b.resource(arn).tagKeys("somekey"));
        answers(() -> lambda.untagResource(b -> b.resource(arn).tagKeys(List.of())), 400, "ValidationException",
                "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be"
                        + " null");
        answers(() -> lambda.tagResource(b -> b.resource(arn).tags(Map.of())), 400, "InvalidParameterValueException",
                "An error occurred and the request cannot be processed.");

        lambda.deleteFunction(b -> b.functionName("tags-fn"));
        String gone = "Function not found: " + arn;
        answers(() -> lambda.tagResource(b -> b.resource(arn).tags(Map.of("a", "b"))), 404,
                "ResourceNotFoundException", gone);
        answers(() -> lambda.untagResource(b -> b.resource(arn).tagKeys("a")), 404, "ResourceNotFoundException", gone);
        answers(() -> lambda.listTags(b -> b.resource(arn)), 404, "ResourceNotFoundException", gone);

        // TestLambdaTag::test_tag_exceptions[event_source_mapping]: none exists here
        String mapping = "arn:aws:lambda:us-east-1:" + AwsAnswers.ACCOUNT
                + ":event-source-mapping:14e0db71-5d35-4eb5-b481-8945cf9d10c2";
        answers(() -> lambda.listTags(b -> b.resource(mapping)), 404, "ResourceNotFoundException",
                "Event source mapping not found: " + mapping);
        answers(() -> lambda.listTags(b -> b.resource(mapping + ":alias")), 400, "ValidationException",
                "1 validation error detected: Value '" + mapping + ":alias' at 'resource' failed to satisfy"
                        + " constraint: " + TAGGABLE);
    }

    // TestLambdaTags::test_tag_limits
    @Test
    void aFunctionHasAtMostFiftyTags() {
        Map<String, String> fiftyOne = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.put(i + "_key", i + "_value");
        }
        String limit = "Number of tags exceeds resource tag limit.";
        answers(() -> lambda.createFunction(createRequest("many", CODE).tags(fiftyOne).build()), 400,
                "InvalidParameterValueException", limit);
        lambda.createFunction(createRequest("many", CODE).build());
        answers(() -> lambda.tagResource(b -> b.resource(ARN + "many").tags(fiftyOne)), 400,
                "InvalidParameterValueException", limit);
        Map<String, String> fifty = new LinkedHashMap<>(fiftyOne);
        fifty.remove("50_key");
        lambda.tagResource(b -> b.resource(ARN + "many").tags(fifty));
        assertThat(tags(ARN + "many")).isEqualTo(fifty);
        answers(() -> lambda.tagResource(b -> b.resource(ARN + "many").tags(Map.of("a_key", "a_value"))), 400,
                "InvalidParameterValueException", limit);
    }

    // TestLambdaReservedConcurrency::test_function_concurrency_exceptions, test_function_concurrency,
    // test_function_concurrency_limits
    @Test
    void reservedConcurrencyAnswersAsAws() {
        String missing = "Function not found: " + ARN + "doesnotexist:$LATEST";
        answers(() -> lambda.putFunctionConcurrency(b -> b.functionName("doesnotexist")
                .reservedConcurrentExecutions(1)), 404, "ResourceNotFoundException", missing);
        answers(() -> lambda.putFunctionConcurrency(b -> b.functionName("doesnotexist")
                .reservedConcurrentExecutions(0)), 404, "ResourceNotFoundException", missing);
        lambda.createFunction(createRequest("reserved", CODE).build());
        String qualified = lambda.getFunctionConfiguration(b -> b.functionName("reserved").qualifier("$LATEST"))
                .functionArn();
        assertThat(qualified).isEqualTo(ARN + "reserved:$LATEST");
        answers(() -> lambda.putFunctionConcurrency(b -> b.functionName(qualified).reservedConcurrentExecutions(0)),
                400, "InvalidParameterValueException", "This operation is permitted on Lambda functions only. Aliases"
                        + " and versions do not support this operation. Please specify either a function name or an"
                        + " unqualified function ARN.");

        assertThat(lambda.putFunctionConcurrency(b -> b.functionName("reserved").reservedConcurrentExecutions(0))
                .reservedConcurrentExecutions()).isZero();
        assertThat(lambda.putFunctionConcurrency(b -> b.functionName("reserved").reservedConcurrentExecutions(1))
                .reservedConcurrentExecutions()).isEqualTo(1);
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("reserved")).reservedConcurrentExecutions())
                .isEqualTo(1);
        lambda.deleteFunctionConcurrency(b -> b.functionName("reserved"));
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("reserved")).reservedConcurrentExecutions())
                .isNull();

        GetAccountSettingsResponse settings = lambda.getAccountSettings();
        int limit = settings.accountLimit().concurrentExecutions();
        String belowMinimum = "Specified ReservedConcurrentExecutions for function decreases account's"
                + " UnreservedConcurrentExecution below its minimum value of [100].";
        answers(() -> lambda.putFunctionConcurrency(b -> b.functionName("reserved")
                .reservedConcurrentExecutions(limit + 1)), 400, "InvalidParameterValueException", belowMinimum);
        answers(() -> lambda.putFunctionConcurrency(b -> b.functionName("reserved")
                .reservedConcurrentExecutions(limit - 99)), 400, "InvalidParameterValueException", belowMinimum);
        lambda.putFunctionConcurrency(b -> b.functionName("reserved").reservedConcurrentExecutions(limit - 100));
    }

    // TestLambdaAccountSettings::test_account_settings, test_account_settings_total_code_size(_config_update)
    @Test
    void accountSettingsCountFunctionsVersionsAndLayers() {
        GetAccountSettingsResponse before = lambda.getAccountSettings();
        assertThat(before.accountLimit().totalCodeSize()).isPositive();
        assertThat(before.accountLimit().codeSizeUnzipped()).isEqualTo(262_144_000L);
        assertThat(before.accountLimit().codeSizeZipped()).isEqualTo(52_428_800L);
        assertThat(before.accountLimit().unreservedConcurrentExecutions())
                .isEqualTo(before.accountLimit().concurrentExecutions());
        lambda.createFunction(createRequest("sized", CODE).build());
        GetAccountSettingsResponse created = lambda.getAccountSettings();
        assertThat(created.accountUsage().functionCount()).isEqualTo(before.accountUsage().functionCount() + 1);
        assertThat(created.accountUsage().totalCodeSize() - before.accountUsage().totalCodeSize())
                .isEqualTo(CODE.length);
        lambda.updateFunctionCode(b -> b.functionName("sized").zipFile(SdkBytes.fromByteArray(CODE)).publish(true));
        long published = lambda.getAccountSettings().accountUsage().totalCodeSize();
        assertThat(published - created.accountUsage().totalCodeSize()).isEqualTo(CODE.length);
        lambda.updateFunctionConfiguration(b -> b.functionName("sized").description("changed"));
        assertThat(lambda.getAccountSettings().accountUsage().totalCodeSize()).isEqualTo(published);
        byte[] layer = zip("python/lib.py", "X = 1");
        lambda.publishLayerVersion(b -> b.layerName("sized").content(c -> c.zipFile(SdkBytes.fromByteArray(layer))));
        assertThat(lambda.getAccountSettings().accountUsage().totalCodeSize() - published).isEqualTo(layer.length);
    }
}
