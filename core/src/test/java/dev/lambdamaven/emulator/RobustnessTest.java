package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Odd but well-formed HTTP on every Lambda route: always a 4xx answer in AWS's shape, never a 5xx. */
class RobustnessTest extends EmulatorTestBase {

    static final List<String> ROUTES = List.of(
            "POST /2015-03-31/functions",
            "PUT /2015-03-31/functions/fn/configuration",
            "PUT /2015-03-31/functions/fn/code",
            "POST /2015-03-31/functions/fn/versions",
            "POST /2015-03-31/functions/fn/aliases",
            "PUT /2015-03-31/functions/fn/aliases/live",
            "POST /2015-03-31/functions/fn/invocations",
            "PUT /2017-10-31/functions/fn/concurrency",
            "POST /2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Afn",
            "POST /2018-10-31/layers/lib/versions",
            "POST /2018-10-31/layers/lib/versions/1/policy",
            "GET /2018-10-31/layers/lib/versions/x",
            "GET /2018-10-31/layers?find=LayerVersion&Arn=nope",
            "GET /2015-03-31/functions?MaxItems=0",
            "GET /2015-03-31/functions?Marker=bm90LWEtbWFya2Vy",
            "GET /2015-03-31/functions/fn%3Ax%3Ay",
            "GET /2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Afn",
            "DELETE /2015-03-31/functions/fn?Qualifier=99");

    static final List<String> BODIES = List.of("", "{", "[]", "null", "42", "\"text\"",
            "{\"FunctionName\":5,\"Role\":[],\"Runtime\":{},\"Code\":\"x\",\"Timeout\":\"x\"}",
            "{\"Code\":{\"ZipFile\":\"%%%\"},\"FunctionName\":\"a\",\"Role\":\"arn:aws:iam::123456789012:role/r\","
                    + "\"Runtime\":\"java21\",\"Handler\":\"h\"}",
            "{\"Environment\":{\"Variables\":[1,2]},\"Layers\":\"x\",\"VpcConfig\":{\"SubnetIds\":\"s\"}}",
            "{\"Name\":\"\",\"FunctionVersion\":\"x\",\"RoutingConfig\":{\"AdditionalVersionWeights\":[1]}}",
            "{\"ReservedConcurrentExecutions\":-1,\"Tags\":{\"\":\"\"},\"Content\":{},\"StatementId\":\"\"}",
            "{\"ZipFile\":null,\"S3Bucket\":\"nope\",\"S3Key\":\"nope\",\"Publish\":\"yes\"}");

    @Test
    void neverAnswers5xxToOddRequests() throws Exception {
        lambda.createFunction(createRequest("fn", zip("a", "b")).build());
        SignedHttp http = new SignedHttp(emulator.endpoint());
        for (String route : ROUTES) {
            String[] parts = route.split(" ", 2);
            for (String body : BODIES) {
                HttpResponse<String> response = http.send(parts[0], parts[1], body);
                if (response.body().contains("no function runtime configured")) {
                    continue; // the one deliberate service error: this emulator was started without a runtime
                }
                assertThat(response.statusCode()).as(route + " with " + body + ": " + response.body())
                        .isLessThan(500);
                if (response.statusCode() >= 400) {
                    assertThat(response.headers().firstValue("x-amzn-ErrorType")).as(route).isPresent();
                    // "Message" or "message", as the API model spells it for the error
                    assertThat(response.body()).as(route).containsIgnoringCase("\"message\"");
                }
            }
        }
    }
}
