package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Members of the wrong JSON type: coerced where Jackson (which reads bodies at Lambda's front end) coerces,
 * otherwise AWS's InvalidRequestContentException naming the member, with nothing changed.
 *
 * <p>Message sources: the prefix "Could not parse request body into json: " and the type are AWS's (LocalStack
 * (test_lambda), TestLambdaErrors::test_lambda_invoke_payload_encoding_error; https://github.com/aws/aws-sdk-js/issues/1876).
 * What follows it here is the emulator's own wording (docs/emulator.md), modelled on Jackson's messages: no recorded
 * AWS answer to a wrongly typed member was found, and AWS's answers also carry Jackson's "at [Source: ...]" location,
 * which the emulator leaves out.
 */
class RequestTypesTest extends EmulatorTestBase {

    private static final String ZIP = Base64.getEncoder().encodeToString(zip("a", "b"));
    private static final String CREATE = "{\"FunctionName\":\"typed\",\"Role\":\"" + EmulatorFixture.ROLE + "\","
            + "\"Runtime\":\"java21\",\"Handler\":\"example.Handler::handleRequest\",\"Code\":{\"ZipFile\":\"" + ZIP
            + "\"}";


    @Test
    void scalarsAreCoercedAsJacksonCoercesThem() throws Exception {
        HttpResponse<String> created = send("POST", "/2015-03-31/functions", CREATE
                + ",\"MemorySize\":\"256\",\"Timeout\":30.0,\"Description\":42,\"Publish\":\"true\","
                + "\"EphemeralStorage\":{\"Size\":\"1024\"},\"FutureMember\":{\"any\":[1]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"MemorySize\":256", "\"Timeout\":30", "\"Description\":\"42\"");
        var config = lambda.getFunctionConfiguration(b -> b.functionName("typed"));
        assertThat(config.memorySize()).isEqualTo(256);
        assertThat(config.ephemeralStorage().size()).isEqualTo(1024);
        assertThat(config.version()).isEqualTo("$LATEST");
        assertThat(lambda.listVersionsByFunction(b -> b.functionName("typed")).versions()).hasSize(2);
    }

    @Test
    void wrongTypesAreRefusedWithTheMemberNamedAndNothingChanged() throws Exception {
        lambda.createFunction(createRequest("fn", zip("a", "b")).memorySize(512).build());
        assertRefused("PUT", "/2015-03-31/functions/fn/configuration", "{\"MemorySize\":\"lots\"}",
                "Cannot deserialize value of type `java.lang.Integer` from String \"lots\": not a valid"
                        + " `java.lang.Integer` value (through reference chain:"
                        + " UpdateFunctionConfigurationRequest[\"MemorySize\"])");
        assertRefused("PUT", "/2015-03-31/functions/fn/configuration", "{\"Timeout\":3000000000}",
                "Numeric value (3000000000) out of range of int");
        assertRefused("PUT", "/2015-03-31/functions/fn/configuration",
                "{\"VpcConfig\":{\"SubnetIds\":\"subnet-1\"}}",
                "Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` from String value"
                        + " (token `JsonToken.VALUE_STRING`) (through reference chain:"
                        + " UpdateFunctionConfigurationRequest[\"VpcConfig\"]->VpcConfig[\"SubnetIds\"])");
        assertRefused("PUT", "/2015-03-31/functions/fn/configuration", "{\"Layers\":[\"arn\",{}]}",
                "->java.util.ArrayList[1])");
        assertRefused("PUT", "/2015-03-31/functions/fn/code", "{\"Publish\":\"yes\"}",
                "from String \"yes\": only \"true\" or \"false\" recognized");
        assertRefused("POST", "/2015-03-31/functions/fn/aliases", "{\"Name\":\"live\",\"FunctionVersion\":"
                + "\"$LATEST\",\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"1\":\"half\"}}}",
                "`java.lang.Double` from String \"half\"");
        for (String notAnInteger : new String[] {"1e2", "128f", "0x10", "12.0", "twelve"}) {
            assertRefused("PUT", "/2015-03-31/functions/fn/configuration", "{\"Timeout\":\"" + notAnInteger + "\"}",
                    "from String \"" + notAnInteger + "\": not a valid `java.lang.Integer` value");
        }
        assertRefused("PUT", "/2015-03-31/functions/fn/configuration", "{\"Timeout\":1e400}", "out of range of int");
        assertRefused("PUT", "/2017-10-31/functions/fn/concurrency", "{\"ReservedConcurrentExecutions\":true}",
                "from Boolean value (token `JsonToken.VALUE_TRUE`)");
        assertRefused("POST", "/2017-03-31/tags/" + URI.create("x").resolve(
                "arn:aws:lambda:us-east-1:123456789012:function:fn").toString().replace(":", "%3A"),
                "{\"Tags\":{\"team\":[\"a\"]}}", "TagResourceRequest[\"Tags\"]->java.util.LinkedHashMap[\"team\"]");
        assertRefused("POST", "/2018-10-31/layers/lib/versions", "{\"Content\":\"zip\"}",
                "`LayerVersionContentInput` from String value");
        var config = lambda.getFunctionConfiguration(b -> b.functionName("fn"));
        assertThat(config.memorySize()).isEqualTo(512);
        assertThat(config.vpcConfig() == null || config.vpcConfig().subnetIds().isEmpty()).isTrue();
        assertThat(lambda.listVersionsByFunction(b -> b.functionName("fn")).versions()).hasSize(1);
        assertThat(lambda.listAliases(b -> b.functionName("fn")).aliases()).isEmpty();
        assertThat(lambda.listTags(b -> b.resource(config.functionArn())).tags()).isEmpty();
    }

    @Test
    void nullAndEmptyScalarsAreAbsentAndWeightsMustBeNumbersInRange() throws Exception {
        lambda.createFunction(createRequest("fn", zip("a", "b")).memorySize(512).timeout(7).build());
        HttpResponse<String> updated = send("PUT", "/2015-03-31/functions/fn/configuration",
                "{\"MemorySize\":null,\"Timeout\":\" \",\"Description\":\"kept\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        var config = lambda.getFunctionConfiguration(b -> b.functionName("fn"));
        assertThat(config.memorySize()).isEqualTo(512);
        assertThat(config.timeout()).isEqualTo(7);
        assertThat(config.description()).isEqualTo("kept");
        assertThat(send("PUT", "/2015-03-31/functions/fn/code", "{\"ZipFile\":\"" + ZIP + "\",\"Publish\":\" TRUE \"}")
                .body()).contains("\"Version\":\"1\"");
        HttpResponse<String> nan = send("POST", "/2015-03-31/functions/fn/aliases", "{\"Name\":\"live\","
                + "\"FunctionVersion\":\"1\",\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"1\":\"NaN\"}}}");
        assertThat(nan.statusCode()).as(nan.body()).isEqualTo(400);
        assertThat(nan.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
        assertThat(lambda.listAliases(b -> b.functionName("fn")).aliases()).isEmpty();
    }

    @Test
    void anEnvironmentValueIsNeverEchoed() throws Exception {
        HttpResponse<String> response = assertRefused("POST", "/2015-03-31/functions", CREATE
                + ",\"Environment\":{\"Variables\":{\"DB_PASSWORD\":{\"v\":\"s3cr3t-in-an-object\"}}}}",
                "Cannot deserialize value of type `java.lang.String` from Object value");
        assertThat(response.body()).doesNotContain("s3cr3t");
    }

    private HttpResponse<String> assertRefused(String method, String path, String body, String message)
            throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestContentException");
        assertThat(response.body()).contains("Could not parse request body into json: ")
                .contains(message.replace("\"", "\\\""));
        return response;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return new SignedHttp(emulator.endpoint()).send(method, path, body);
    }
}
