package dev.lambdamaven.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The response mapping of function URLs, case by case, against the Lambda developer guide's tables
 * (urls-invocation.md in awsdocs/aws-lambda-developer-guide: "Example output for a string response", "... JSON
 * response", "... custom response", "... response returning cookies").
 */
class FunctionUrlPayloadsTest {

    @Test
    void aStringIsA200JsonAnswerOfTheStringWithItsQuotes() {
        ApiResponse response = map("\"Hello, world!\"");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        assertThat(text(response)).isEqualTo("\"Hello, world!\"").hasSize(15); // content-length: 15 in the guide
    }

    @Test
    void anObjectWithoutStatusCodeIsTheBodyAsReturned() {
        ApiResponse response = map("{\"message\":\"Hello, world!\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("{\"message\":\"Hello, world!\"}");
        assertThat(map("[1,2]").status()).isEqualTo(200);
        assertThat(text(map("not json"))).as("a custom runtime's plain text").isEqualTo("not json");
    }

    @Test
    void aCustomResponseIsMappedWithItsHeadersAndCookies() {
        ApiResponse response = map("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/json\","
                + "\"My-Custom-Header\":\"Custom Value\",\"X-Count\":3},\"body\":\"{ \\\"message\\\": \\\"Hello,"
                + " world!\\\" }\",\"cookies\":[\"Cookie_1=Value1; Expires=21 Oct 2021 07:48 GMT\","
                + "\"Cookie_2=Value2; Max-Age=78000\"],\"isBase64Encoded\":false}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("My-Custom-Header", "Custom Value").containsEntry("X-Count", "3");
        assertThat(text(response)).isEqualTo("{ \"message\": \"Hello, world!\" }");
        assertThat(response.repeatedHeaders()).containsExactly(
                Map.entry("Set-Cookie", "Cookie_1=Value1; Expires=21 Oct 2021 07:48 GMT"),
                Map.entry("Set-Cookie", "Cookie_2=Value2; Max-Age=78000"));
    }

    @Test
    void bodiesAreDecodedOrSerializedAndTypedJsonByDefault() {
        ApiResponse binary = map("{\"statusCode\":200,\"body\":\"AAEC\",\"isBase64Encoded\":true}");
        assertThat(binary.body()).containsExactly(0, 1, 2);
        assertThat(binary.headers()).containsEntry("Content-Type", "application/json");
        assertThat(text(map("{\"statusCode\":200,\"body\":{\"a\":1}}"))).isEqualTo("{\"a\":1}");
        assertThat(map("{\"statusCode\":204}").body()).isEmpty();
    }

    @Test
    void whatCannotBeMappedIsA502() {
        for (String answer : new String[] {"{\"statusCode\":\"abc\"}", "{\"statusCode\":42}",
                "{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}"}) {
            assertThatThrownBy(() -> map(answer)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(502));
        }
    }

    private static ApiResponse map(String payload) {
        return FunctionUrlPayloads.response(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ApiResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
