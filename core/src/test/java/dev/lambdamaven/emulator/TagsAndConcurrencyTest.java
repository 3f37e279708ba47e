package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class TagsAndConcurrencyTest extends EmulatorTestBase {

    static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:fn";


    @BeforeEach
    void setUp() {
        lambda.createFunction(createRequest("fn", zip("a", "b")).tags(Map.of("team", "orders")).publish(true).build());
    }


    @Test
    void tagsFunctionsButNotVersionsOrAliases() {
        assertThat(lambda.listTags(b -> b.resource(ARN)).tags()).containsExactly(Map.entry("team", "orders"));
        lambda.tagResource(b -> b.resource(ARN).tags(Map.of("env", "dev")));
        lambda.untagResource(b -> b.resource(ARN).tagKeys("team"));
        assertThat(lambda.listTags(b -> b.resource(ARN)).tags()).containsExactly(Map.entry("env", "dev"));
        assertThat(lambda.getFunction(b -> b.functionName("fn")).tags()).containsEntry("env", "dev");
        assertThatThrownBy(() -> lambda.tagResource(b -> b.resource(ARN + ":1").tags(Map.of("a", "b"))))
                .isInstanceOf(InvalidParameterValueException.class);
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> lambda.tagResource(b -> b.resource(ARN).tags(many)))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.listTags(b -> b.resource(ARN.replace(":fn", ":missing"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void reservesConcurrencyAndReportsAccountSettings() {
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("fn")).reservedConcurrentExecutions()).isNull();
        lambda.putFunctionConcurrency(b -> b.functionName("fn").reservedConcurrentExecutions(100));
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("fn")).reservedConcurrentExecutions())
                .isEqualTo(100);
        assertThat(lambda.getFunction(b -> b.functionName("fn")).concurrency().reservedConcurrentExecutions())
                .isEqualTo(100);
        var settings = lambda.getAccountSettings(b -> {});
        assertThat(settings.accountLimit().unreservedConcurrentExecutions()).isEqualTo(900);
        assertThat(settings.accountUsage().functionCount()).isEqualTo(1);
        assertThatThrownBy(() -> lambda.putFunctionConcurrency(b -> b.functionName("fn")
                .reservedConcurrentExecutions(950))).isInstanceOf(InvalidParameterValueException.class)
                // AWS: LocalStack, TestLambdaReservedConcurrency::test_function_concurrency_limits
                .hasMessageContaining("Specified ReservedConcurrentExecutions for function decreases account's"
                        + " UnreservedConcurrentExecution below its minimum value of [100].");
        lambda.deleteFunctionConcurrency(b -> b.functionName("fn"));
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("fn")).reservedConcurrentExecutions()).isNull();
    }
}
