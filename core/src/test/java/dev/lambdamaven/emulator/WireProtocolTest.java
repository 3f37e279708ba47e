package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Raw HTTP: percent-encoded segments, error shapes, malformed bodies, size bounds, never a stack trace. */
class WireProtocolTest {

    @TempDir
    Path dir;
    Emulator emulator;
    SignedHttp http;

    @BeforeEach
    void start() throws Exception {
        emulator = EmulatorFixture.start(dir);
        http = new SignedHttp(emulator.endpoint());
        try (LambdaClient lambda = EmulatorFixture.lambda(emulator)) {
            lambda.createFunction(createRequest("fn", zip("a", "b")).build());
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(method, path, body);
    }

    @Test
    void decodesPercentEncodedQualifiersAndArns() throws Exception {
        var latest = send("GET", "/2015-03-31/functions/fn/configuration?Qualifier=%24LATEST", null);
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body()).contains("\"Version\":\"$LATEST\"");
        var arn = send("GET", "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Afn"
                + "%3A%24LATEST", null);
        assertThat(arn.statusCode()).isEqualTo(200);
        assertThat(arn.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void answersErrorsInAwsShape() throws Exception {
        var missing = send("GET", "/2015-03-31/functions/nope", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        // AWS's body shape and text: LocalStack (test_lambda), TestLambdaFeatures::test_invoke_exceptions records
        // "Type": "User" and "Message" (the API model's spelling for this error) beside the SDK's parsed Error
        assertThat(missing.body()).isEqualTo("{\"Type\":\"User\",\"Message\":\"Function not found:"
                + " arn:aws:lambda:us-east-1:123456789012:function:nope\"}");
    }

    @Test
    void malformedJsonIs400NotA500() throws Exception {
        var response = send("POST", "/2015-03-31/functions", "{not json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidRequestContentException");
        assertThat(response.body()).doesNotContain("at dev.").doesNotContain("Exception:");
        var array = send("PUT", "/2015-03-31/functions/fn/configuration", "[1,2]");
        assertThat(array.statusCode()).isEqualTo(400);
        var wrongType = send("PUT", "/2015-03-31/functions/fn/configuration", "{\"Timeout\":\"soon\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownOperationsAndOversizedBodiesAreRefused() throws Exception {
        assertThat(send("GET", "/2015-03-31/nothing-here", null).statusCode()).isEqualTo(404);
        var big = send("POST", "/2015-03-31/functions/fn/invocations", "\"" + "x".repeat(6_300_000) + "\"");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.headers().firstValue("x-amzn-ErrorType")).contains("RequestEntityTooLargeException");
    }
}
