package dev.lambdamaven.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emulator reads and writes JSON with Jackson's streaming API: the same trees an ObjectMapper gives. */
class JsonTest {

    private static final String DOCUMENT = "{\"s\":\"caf\\u00e9 \\\"q\\\"\",\"i\":128,\"l\":10000000000,"
            + "\"big\":123456789012345678901234567890,\"d\":0.25,\"neg\":-3,\"t\":true,\"f\":false,\"n\":null,"
            + "\"a\":[1,\"x\",{\"k\":[]}],\"o\":{}}";

    @Test
    void readsTheSameTreeAsJacksonsObjectMapper() throws Exception {
        JsonNode ours = Json.read(bytes(DOCUMENT));
        assertThat(ours).isEqualTo(new ObjectMapper().readTree(DOCUMENT));
        assertThat(ours.get("l").isLong()).isTrue();
        assertThat(ours.get("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(ours.get("d").isDouble()).isTrue();
        assertThat(ours.get("s").textValue()).isEqualTo("café \"q\"");
    }

    @Test
    void writesWhatItReadsBackUnchangedAndInMemberOrder() throws Exception {
        JsonNode tree = Json.read(bytes(DOCUMENT));
        String text = Json.text(tree);
        assertThat(text).startsWith("{\"s\":\"café \\\"q\\\"\",\"i\":128,\"l\":10000000000,");
        assertThat(new ObjectMapper().readTree(text)).isEqualTo(tree);
        assertThat(Json.read(Json.prettyBytes(tree))).isEqualTo(tree);
        assertThat(new String(Json.prettyBytes(tree), StandardCharsets.UTF_8)).contains("\n");
    }

    @Test
    void aBodyThatIsNotOneJsonValueIsAwssBadRequest() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000); // no stack overflow: Jackson bounds the nesting
        for (String body : new String[] {"", "  ", "{\"a\":", "{\"a\":1} trailing", "{\"a\":1}{}", "[1,]", "nul",
            deep}) {
            assertThatThrownBy(() -> Json.parse(bytes(body))).as(body.substring(0, Math.min(body.length(), 40)))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.type()).isEqualTo("InvalidRequestContentException");
                        // AWS: LocalStack (test_lambda), TestLambdaErrors::test_lambda_invoke_payload_encoding_error
                        assertThat(e.getMessage()).startsWith("Could not parse request body into json: ");
                    });
        }
    }

    @Test
    void anUnreadableTokenIsNotEchoed() {
        assertThatThrownBy(() -> Json.parse(bytes("{\"Variables\":{\"DB_PASSWORD\":s3cr3t-value}}")))
                // Jackson's text with the token masked: emulator's own wording (docs/emulator.md)
                .isInstanceOf(ApiException.class).hasMessageContaining("Unrecognized token '****'")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void filesWithTrailingContentAreRefused() {
        assertThatThrownBy(() -> Json.read(bytes("{} []"))).isInstanceOf(IOException.class)
                .hasMessageContaining("after the JSON value");
    }

    @Test
    void stringMapsRoundTripInOrder() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("b", "2");
        map.put("a", "1 \" \n");
        assertThat(Json.text(Json.strings(map))).isEqualTo("{\"b\":\"2\",\"a\":\"1 \\\" \\n\"}");
        assertThat(Json.stringMap(Json.parseObject(Json.text(Json.strings(map))))).containsExactlyEntriesOf(map);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
