package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class AliasApiTest extends EmulatorTestBase {


    @BeforeEach
    void setUp() {
        lambda.createFunction(createRequest("fn", zip("a", "1")).publish(true).build());
        lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(zip("a", "2"))).publish(true));
    }


    private static AliasRoutingConfiguration weights(String version, double weight) {
        return AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of(version, weight)).build();
    }

    @Test
    void createsGetsUpdatesListsAndDeletesAliases() {
        var created = lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1"));
        assertThat(created.aliasArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn:live");
        var updated = lambda.updateAlias(b -> b.functionName("fn").name("live").functionVersion("2")
                .routingConfig(weights("1", 0.1)).revisionId(created.revisionId()));
        assertThat(updated.functionVersion()).isEqualTo("2");
        assertThat(updated.routingConfig().additionalVersionWeights()).containsEntry("1", 0.1);
        assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());
        assertThatThrownBy(() -> lambda.updateAlias(b -> b.functionName("fn").name("live")
                .revisionId(created.revisionId()))).isInstanceOf(PreconditionFailedException.class);
        assertThat(lambda.getAlias(b -> b.functionName("fn").name("live")).functionVersion()).isEqualTo("2");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("fn").qualifier("live")).version())
                .isIn("1", "2");
        assertThat(lambda.listAliases(b -> b.functionName("fn")).aliases()).extracting(a -> a.name())
                .containsExactly("live");
        lambda.deleteAlias(b -> b.functionName("fn").name("live"));
        assertThatThrownBy(() -> lambda.getAlias(b -> b.functionName("fn").name("live")))
                // AWS: LocalStack, TestLambdaAlias::test_notfound_and_invalid_routingconfigs
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(
                        "Cannot find alias arn: arn:aws:lambda:us-east-1:123456789012:function:fn:live");
    }

    @Test
    void enforcesAliasRules() {
        lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1"));
        assertThatThrownBy(() -> lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1")))
                .isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> lambda.createAlias(b -> b.functionName("fn").name("123").functionVersion("1")))
                .isInstanceOfSatisfying(LambdaException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> lambda.createAlias(b -> b.functionName("fn").name("x").functionVersion("9")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.createAlias(b -> b.functionName("fn").name("x").functionVersion("$LATEST")
                .routingConfig(weights("1", 0.5)))).isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.createAlias(b -> b.functionName("fn").name("x").functionVersion("2")
                // AWS: LocalStack, TestLambdaAlias::test_notfound_and_invalid_routingconfigs ("routing_config_exc_toohigh")
                .routingConfig(weights("1", 1.5)))).isInstanceOfSatisfying(LambdaException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '{1=1.5}' at"
                                + " 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must"
                                + " satisfy constraint: [Member must have value less than or equal to 1.0, Member must"
                                + " have value greater than or equal to 0.0, Member must not be null]"));
        assertThatThrownBy(() -> lambda.createAlias(b -> b.functionName("fn").name("x").functionVersion("2")
                .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of("1", 0.1, "3", 0.1))
                        .build()))).isInstanceOf(InvalidParameterValueException.class)
                // AWS: LocalStack, TestLambdaAlias::test_notfound_and_invalid_routingconfigs ("routing_config_exc_toomany")
                .hasMessageContaining("Number of items in AdditionalVersionWeights cannot be greater than 1");
        assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("fn").qualifier("1")))
                // AWS: https://github.com/karl-cardenas-coding/go-lambda-cleanup/issues/45 (409, AWS's request id)
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining(
                        "Unable to delete version because the following aliases reference it: [live]");
    }
}
