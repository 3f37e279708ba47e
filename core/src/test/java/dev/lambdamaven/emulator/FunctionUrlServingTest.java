package dev.lambdamaven.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdamaven.ExternalTools;
import dev.lambdamaven.emulator.http.Json;
import dev.lambdamaven.emulator.runtime.LocalFunctionRuntime;
import dev.lambdamaven.emulator.runtime.LocalRuntimeOptions;
import dev.lambdamaven.emulator.runtime.TestFunctions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;

/**
 * Function URLs served on the emulator's port: a real Java function (demo.UrlEcho, through the official runtime
 * interface client) behind a {@code NONE} URL with CORS and an {@code AWS_IAM} URL on an alias, called over plain
 * HTTP as curl and browsers call them. Expected shapes are the Lambda developer guide's (urls-invocation.md,
 * urls-configuration.md in awsdocs/aws-lambda-developer-guide).
 */
class FunctionUrlServingTest {

    @TempDir
    static Path dir;
    private static Emulator emulator;
    private static LambdaClient lambda;
    private static URI open;
    private static URI iam;

    @BeforeAll
    static void deploy() throws Exception {
        emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).functionRuntime(
                new LocalFunctionRuntime(LocalRuntimeOptions.defaults(dir.resolve("work")))).build());
        lambda = EmulatorFixture.lambda(emulator);
        lambda.createFunction(EmulatorFixture.createRequest("web", TestFunctions.javaHandlersZip())
                .runtime("java17").handler("demo.UrlEcho::handleRequest").timeout(30).publish(true).build());
        lambda.createAlias(b -> b.functionName("web").name("live").functionVersion("1"));
        open = URI.create(lambda.createFunctionUrlConfig(b -> b.functionName("web").authType(FunctionUrlAuthType.NONE)
                .cors(c -> c.allowOrigins("http://localhost:3000").allowMethods("POST", "GET")
                        .allowHeaders("content-type", "x-custom").exposeHeaders("my-custom-header").maxAge(300)
                        .allowCredentials(true))).functionUrl());
        iam = URI.create(lambda.createFunctionUrlConfig(b -> b.functionName("web").qualifier("live")
                .authType(FunctionUrlAuthType.AWS_IAM)).functionUrl());
    }

    @AfterAll
    static void stop() {
        lambda.close();
        emulator.close();
    }

    @Test
    void aRequestBecomesAPayloadFormat2EventAndTheMappedAnswerComesBack() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Custom", "one");
        headers.put("x-custom", "two");
        headers.put("Cookie", "session=abc; theme=dark");
        headers.put("User-Agent", "curl/8.0");
        RawHttp.Answer answer = RawHttp.send("POST", open.resolve("/orders/7?expand=items&expand=total&q=a%20b"),
                headers, "{\"example\":\"test\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.header("My-Custom-Header")).isEqualTo("Custom Value");
        assertThat(answer.headers().get("set-cookie")).containsExactly("Cookie_1=Value1; Max-Age=78000",
                "Cookie_2=Value2");
        JsonNode event = Json.parse(answer.body());
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("$default");
        assertThat(event.get("rawPath").asText()).isEqualTo("/orders/7");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("expand=items&expand=total&q=a%20b");
        assertThat(event.get("queryStringParameters").get("expand").asText()).isEqualTo("items,total");
        assertThat(event.get("queryStringParameters").get("q").asText()).isEqualTo("a b");
        assertThat(event.get("cookies")).extracting(JsonNode::asText).containsExactly("session=abc", "theme=dark");
        assertThat(event.get("headers").get("x-custom").asText()).isEqualTo("one,two");
        assertThat(event.get("headers").get("content-type").asText()).isEqualTo("application/json");
        assertThat(event.get("headers").has("cookie")).isFalse();
        assertThat(event.get("body").asText()).isEqualTo("{\"example\":\"test\"}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.get("requestContext");
        assertThat(context.get("apiId").asText()).isEqualTo(open.getHost().substring(0, 32));
        assertThat(context.get("domainName").asText()).isEqualTo(open.getHost());
        assertThat(context.get("http").get("method").asText()).isEqualTo("POST");
        assertThat(context.get("http").get("path").asText()).isEqualTo("/orders/7");
        assertThat(context.get("http").get("userAgent").asText()).isEqualTo("curl/8.0");
        assertThat(context.get("requestId").asText()).isEqualTo(answer.header("x-amzn-RequestId"));
        assertThat(context.has("authorizer")).as("NONE: no caller identity").isFalse();
        assertThat(context.get("accountId").asText()).isEqualTo("anonymous");
        assertThat(context.get("timeEpoch").asLong()).isPositive();
        assertThat(answer.header("X-Version")).as("the function's URL runs $LATEST").isEqualTo("$LATEST");
    }

    @Test
    void valuesWithoutStatusCodeAre200JsonAsReturnedAndBinaryBodiesAreBase64() throws Exception {
        RawHttp.Answer plain = RawHttp.send("GET", open.resolve("/plain"), Map.of(), null);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).isEqualTo("application/json");
        assertThat(plain.text()).isEqualTo("\"Hello, world!\""); // the guide's string example: 15 bytes

        RawHttp.Answer object = RawHttp.send("GET", open.resolve("/object"), Map.of(), null);
        assertThat(object.status()).isEqualTo(200);
        assertThat(Json.parse(object.body()).get("message").asText()).isEqualTo("Hello, world!");

        RawHttp.Answer png = RawHttp.send("GET", open.resolve("/png"), Map.of(), null);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        assertThat(png.body()).isEqualTo(Base64.getDecoder().decode("iVBORw0KGgo="));

        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        RawHttp.Answer echoed = RawHttp.send("PUT", open.resolve("/upload"), Map.of("Content-Type",
                "application/octet-stream"), binary);
        JsonNode event = Json.parse(echoed.body());
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(binary);
    }

    @Test
    void aFunctionErrorIsA502() throws Exception {
        RawHttp.Answer failed = RawHttp.send("GET", open.resolve("/fail"), Map.of(), null);
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.text()).contains("Internal Server Error").doesNotContain("the function failed");
    }

    @Test
    void anAwsIamUrlTakesSignedRequestsOnlyAndRunsTheAliasVersion() throws Exception {
        RawHttp.Answer unsigned = RawHttp.send("GET", iam.resolve("/x"), Map.of(), null);
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.header("x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
        assertThat(Json.parse(unsigned.body()).get("Message").asText())
                .startsWith("Forbidden. For troubleshooting Function URL authorization issues");

        RawHttp.Answer wrongService = RawHttp.send("GET", iam.resolve("/x"), signed("GET", iam.resolve("/x"), "s3"),
                null);
        assertThat(wrongService.status()).isEqualTo(403);

        RawHttp.Answer signed = RawHttp.send("GET", iam.resolve("/x"), signed("GET", iam.resolve("/x"), "lambda"),
                null);
        assertThat(signed.status()).isEqualTo(201);
        assertThat(signed.header("X-Version")).isEqualTo("1");
        JsonNode caller = Json.parse(signed.body()).get("requestContext").get("authorizer").get("iam");
        assertThat(caller.get("accessKey").asText()).isEqualTo("AKIDEXAMPLE");
        assertThat(caller.get("accountId").asText()).as("a key that is no account id: the owner's")
                .isEqualTo("123456789012");
        assertThat(Json.parse(signed.body()).get("requestContext").get("accountId").asText()).isEqualTo("123456789012");
    }

    @Test
    void corsIsAnsweredAsConfiguredAndOnlyConfiguredOriginsGetIn() throws Exception {
        RawHttp.Answer preflight = RawHttp.send("OPTIONS", open.resolve("/orders"), Map.of(
                "Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type", "Sec-Fetch-Mode", "cors"), null);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST,GET");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type,x-custom");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("300");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(preflight.header("X-Invocations")).as("Lambda answers a preflight itself").isNull();

        RawHttp.Answer fromPage = RawHttp.send("POST", open.resolve("/orders"), Map.of("Origin",
                "http://localhost:3000", "Sec-Fetch-Site", "same-site", "Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(fromPage.status()).isEqualTo(201);
        assertThat(fromPage.header("Access-Control-Allow-Origin")).as("the configuration's, not the function's")
                .isEqualTo("http://localhost:3000");
        assertThat(fromPage.header("Access-Control-Expose-Headers")).isEqualTo("my-custom-header");

        RawHttp.Answer otherPage = RawHttp.send("POST", open.resolve("/orders"), Map.of("Origin",
                "https://evil.example"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(otherPage.status()).isEqualTo(403);
        RawHttp.Answer formPost = RawHttp.send("POST", open.resolve("/orders"), Map.of("Sec-Fetch-Site",
                "cross-site"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(formPost.status()).as("a page's request without Origin").isEqualTo(403);
        RawHttp.Answer typedIn = RawHttp.send("GET", open.resolve("/plain"), Map.of("Sec-Fetch-Site", "none",
                "Sec-Fetch-Mode", "navigate"), null);
        assertThat(typedIn.status()).as("a URL the user opened in the browser").isEqualTo(200);
    }

    @Test
    void curlOnTheUrlRunsTheFunction() throws Exception {
        ExternalTools.require("curl", "apt-get install curl");
        Process curl = new ProcessBuilder("curl", "-s", "-i", open.resolve("/plain").toString())
                .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).startsWith("HTTP/1.1 200").endsWith("\"Hello, world!\"");
    }

    @Test
    void anUnknownUrlIsNotFoundAndTheApiStillRefusesBrowsers() throws Exception {
        URI unknown = URI.create("http://" + "a".repeat(32) + ".lambda-url.us-east-1.localhost:"
                + emulator.endpoint().getPort() + "/");
        assertThat(RawHttp.send("GET", unknown, Map.of(), null).status()).isEqualTo(404);
        URI api = emulator.endpoint().resolve("/2015-03-31/functions/");
        assertThat(RawHttp.send("GET", URI.create("http://localhost:" + api.getPort() + api.getPath()),
                Map.of("Origin", "http://localhost:3000"), null).status()).isEqualTo(403);
    }

    /** The headers the AWS SDK's SigV4 signer gives a request to {@code url} for {@code service}. */
    private static Map<String, String> signed(String method, URI url, String service) {
        var request = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret"))
                .request(SdkHttpRequest.builder().uri(url).method(SdkHttpMethod.fromValue(method)).build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                headers.put(name, values.get(0));
            }
        });
        return headers;
    }
}
