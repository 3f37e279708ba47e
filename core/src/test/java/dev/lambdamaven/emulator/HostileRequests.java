package dev.lambdamaven.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile raw HTTP requests from a seed, across the emulator's route families (Lambda, S3, EC2, KMS):
 * mutated bodies of real operations, broken paths and percent-encoding, browser and foreign-host headers, missing and malformed
 * signatures, broken framing (chunk sizes, trailers, transfer codings, lengths that lie), oversized lines, headers
 * and bodies, and request lines that are not HTTP. Mutating operations name a function that does not exist, so
 * that the state a fuzz run leaves behind can be checked.
 */
final class HostileRequests {

    /** A request's bytes and, for the report, what it was meant to probe. */
    record Request(String kind, byte[] bytes) {}

    static final String TARGET = "fuzz-target";
    private static final String GHOST = "fuzz-ghost";
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/us-east-1/%s/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=" + "0123456789abcdef".repeat(4);

    private static final List<String> LAMBDA_PATHS = List.of(
            "POST /2015-03-31/functions",
            "GET /2015-03-31/functions",
            "GET /2015-03-31/functions/" + TARGET,
            "GET /2015-03-31/functions/" + TARGET + "/configuration?Qualifier=live",
            "PUT /2015-03-31/functions/" + GHOST + "/configuration",
            "PUT /2015-03-31/functions/" + GHOST + "/code",
            "POST /2015-03-31/functions/" + GHOST + "/versions",
            "GET /2015-03-31/functions/" + TARGET + "/versions?MaxItems=2&Marker=xyz",
            "POST /2015-03-31/functions/" + GHOST + "/aliases",
            "GET /2015-03-31/functions/" + TARGET + "/aliases/live",
            "PUT /2015-03-31/functions/" + GHOST + "/aliases/live",
            "DELETE /2015-03-31/functions/" + GHOST + "/aliases/live",
            "POST /2015-03-31/functions/" + TARGET + "/invocations",
            "POST /2015-03-31/functions/" + GHOST + "/invocations",
            "PUT /2017-10-31/functions/" + GHOST + "/concurrency",
            "GET /2019-09-30/functions/" + TARGET + "/concurrency",
            "GET /2016-08-19/account-settings",
            "POST /2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3A" + GHOST,
            "GET /2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3A" + TARGET,
            "GET /2018-10-31/layers?CompatibleRuntime=java21",
            "GET /2018-10-31/layers?find=LayerVersion&Arn=arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Alayer%3Ax%3A1",
            "POST /2018-10-31/layers/fuzz-layer/versions",
            "GET /2018-10-31/layers/fuzz-layer/versions/1",
            "POST /2018-10-31/layers/fuzz-ghost-layer/versions/1/policy",
            "GET /__emulator/code/" + "ab".repeat(32),
            "GET /__emulator/code/not-a-hash",
            "GET /__emulator/identity",
            "GET /__emulator/nothing");
    private static final List<String> OTHER_PATHS = List.of(
            "PUT /fuzz-bucket", "HEAD /fuzz-bucket", "PUT /fuzz-bucket/a/key", "GET /fuzz-bucket/a/key",
            "POST /fuzz-bucket/a/key?uploads", "PUT /fuzz-bucket/a/key?uploadId=nope&partNumber=1",
            "POST /fuzz-bucket/a/key?uploadId=nope", "DELETE /fuzz-bucket/a/key?uploadId=nope",
            "GET /nope-bucket/x", "POST /", "DELETE /");
    private static final List<String> BODIES = List.of(
            "{\"FunctionName\":\"fuzz-new\",\"Role\":\"arn:aws:iam::123456789012:role/r\",\"Runtime\":\"java21\","
                    + "\"Handler\":\"h\",\"Code\":{\"ZipFile\":\"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==\"}}",
            "{\"Code\":{\"ZipFile\":\"%%%\"},\"FunctionName\":\"a\"}",
            "{\"MemorySize\":\"lots\",\"Timeout\":1e400,\"Environment\":{\"Variables\":[1]},\"Layers\":\"x\"}",
            "{\"Name\":\"live\",\"FunctionVersion\":\"1\",\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"2\":\"NaN\"}}}",
            "{\"ReservedConcurrentExecutions\":-1}", "{\"Tags\":{\"\":\"\"}}",
            "{\"Content\":{\"ZipFile\":\"!!\"},\"CompatibleRuntimes\":\"java21\"}",
            "{\"StatementId\":\"\",\"Action\":\"lambda:*\",\"Principal\":\"x\"}",
            "Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-nope",
            "Action=Nope", "[]", "null", "\"x\"", "{", "{\"a\":", "{\"a\":1}}", "{\"\u0000\":1}",
            "[".repeat(5000) + "]".repeat(5000), "<xml/>", "");

    private static final List<String> KMS_OPERATIONS = List.of("Encrypt", "Decrypt", "DescribeKey", "CreateAlias",
            "ListKeys", "ListAliases", "GenerateDataKey", "CreateKey", "Sing", "");
    private static final List<String> KMS_BODIES = List.of(
            "{\"KeyId\":\"alias/fuzz\",\"Plaintext\":\"aGk=\",\"EncryptionContext\":{\"LambdaFunctionName\":\"f\"}}",
            "{\"CiphertextBlob\":\"AQJhcm46YXdz\",\"EncryptionContext\":{\"a\":1}}",
            "{\"KeyId\":7,\"Plaintext\":\"%%%\"}", "{\"Limit\":0,\"Marker\":\"\"}",
            "{\"KeyId\":\"arn:aws:kms:mars-1:1:key/x\",\"NumberOfBytes\":1025,\"KeySpec\":\"AES_999\"}",
            "{\"AliasName\":\"alias/aws/x\",\"TargetKeyId\":\"alias/y\"}", "{\"KeySpec\":\"RSA_2048\"}");

    private final Random random;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    Request next() {
        int pick = random.nextInt(100);
        if (pick < 30) {
            return mutatedCall();
        } else if (pick < 40) {
            return brokenPath();
        } else if (pick < 55) {
            return hostileHeaders();
        } else if (pick < 75) {
            return brokenFraming();
        } else if (pick < 85) {
            return oversized();
        } else if (pick < 93) {
            return notHttp();
        }
        return otherFamily();
    }

    private Request mutatedCall() {
        String[] route = pick(LAMBDA_PATHS).split(" ", 2);
        String body = mutate(pick(BODIES));
        return new Request("call " + route[0] + " " + route[1], request(route[0], route[1], signed("lambda"), body));
    }

    private Request otherFamily() {
        if (random.nextInt(3) == 0) {
            String target = "X-Amz-Target: TrentService." + pick(KMS_OPERATIONS) + "\r\nContent-Type:"
                    + " application/x-amz-json-1.1\r\n";
            return new Request("kms " + target.trim(), request("POST", "/", signed("kms") + target,
                    mutate(pick(KMS_BODIES))));
        }
        String[] route = pick(OTHER_PATHS).split(" ", 2);
        String service = route[1].equals("/") ? "ec2" : "s3";
        String body = route[1].equals("/") ? pick(BODIES) : mutate(pick(BODIES));
        return new Request("other " + route[0] + " " + route[1], request(route[0], route[1], signed(service), body));
    }

    private Request brokenPath() {
        String[] route = pick(LAMBDA_PATHS).split(" ", 2);
        String path = switch (random.nextInt(7)) {
            case 0 -> route[1] + "%";
            case 1 -> route[1].replace("functions", "functions%zz");
            case 2 -> route[1] + "/%C3%28"; // not UTF-8
            case 3 -> route[1] + "/../../etc/passwd";
            case 4 -> route[1].replace("/", "//");
            case 5 -> route[1] + "?%=%&&=&a=%G1";
            default -> route[1] + "/" + "\u00e9\u4e2d".repeat(10);
        };
        return new Request("path " + path, request(route[0], path, signed("lambda"), "{}"));
    }

    private Request hostileHeaders() {
        String[] route = pick(LAMBDA_PATHS).split(" ", 2);
        String headers = switch (random.nextInt(9)) {
            case 0 -> "Host: 127.0.0.1\r\nContent-Type: text/plain\r\nOrigin: https://evil.example\r\n";
            case 1 -> "Host: evil.example:9070\r\n" + "Authorization: " + String.format(AUTH, "lambda") + "\r\n";
            case 2 -> "Host: 127.0.0.1\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Site: cross-site\r\n";
            case 3 -> "Host: 127.0.0.1\r\n"; // unsigned
            case 4 -> "Host: 127.0.0.1\r\nAuthorization: Bearer token\r\n";
            case 5 -> "Host: 127.0.0.1\r\nAuthorization: AWS4-HMAC-SHA256 Credential=x, Signature=y\r\n";
            case 6 -> "Host: 127.0.0.1\r\nAuthorization: " + String.format(AUTH, "s3").replace("us-east-1",
                    "mars-north-9") + "\r\n";
            case 7 -> "Authorization: " + String.format(AUTH, "lambda") + "\r\n"; // no Host
            default -> "Host: [::1]:1\r\nAuthorization: " + String.format(AUTH, "ec2") + "\r\n";
        };
        return new Request("headers " + headers.replace("\r\n", " | "), request(route[0], route[1], headers,
                pick(BODIES)));
    }

    private Request brokenFraming() {
        String[] route = pick(LAMBDA_PATHS).split(" ", 2);
        String head = route[0] + " " + route[1] + " HTTP/1.1\r\n" + signed("lambda");
        String body = pick(BODIES);
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        int variant = random.nextInt(12);
        String text = switch (variant) {
            case 0 -> head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n";
            case 1 -> head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + "\r\n" + body
                    + "\r\n0\r\nX-Amz-Checksum-Crc32: AAAAAA==\r\nX-Trailer: yes\r\n\r\n";
            case 2 -> head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + "\r\n" + body
                    + "\r\n0\r\nbroken trailer\r\n\r\n";
            case 3 -> head + "Transfer-Encoding: gzip\r\n\r\n" + body;
            case 4 -> head + "Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
            case 5 -> head + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
            case 6 -> head + "Content-Length: " + (length + 50) + "\r\n\r\n" + body; // ends early
            case 7 -> head + "Content-Length: 3\r\n\r\n" + body + "GARBAGE / HTTP/1.1\r\n\r\n"; // more than said
            case 8 -> head + "Content-Length: -1\r\n\r\n" + body;
            case 9 -> head + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!";
            case 10 -> head + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nx\r\n0\r\n\r\n";
            default -> head + "Expect: 100-continue\r\nContent-Length: " + length + "\r\n\r\n" + body;
        };
        return new Request("framing " + variant + " " + route[0] + " " + route[1], text.getBytes(StandardCharsets.UTF_8));
    }

    private Request oversized() {
        String[] route = pick(LAMBDA_PATHS).split(" ", 2);
        return switch (random.nextInt(5)) {
            case 0 -> new Request("long request line", request(route[0], route[1] + "?q=" + "a".repeat(20_000),
                    signed("lambda"), ""));
            case 1 -> new Request("long header", request(route[0], route[1], signed("lambda") + "X-Big: "
                    + "b".repeat(70_000) + "\r\n", ""));
            case 2 -> new Request("many headers", request(route[0], route[1], signed("lambda")
                    + "X-Many: 1234567890\r\n".repeat(5000), ""));
            case 3 -> new Request("body above the limit", request("POST", "/2015-03-31/functions/" + GHOST
                    + "/aliases", signed("lambda"), "{\"Description\":\"" + "d".repeat(1_100_000) + "\"}"));
            default -> new Request("declared body far above any limit", ("PUT /2015-03-31/functions/" + GHOST
                    + "/code HTTP/1.1\r\n" + signed("lambda") + "Content-Length: 99999999999\r\n\r\n{\"ZipFile\":\"")
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private Request notHttp() {
        String text = switch (random.nextInt(7)) {
            case 0 -> "GET /2015-03-31/functions HTTP/2.0\r\n" + signed("lambda") + "\r\n";
            case 1 -> "G@T /2015-03-31/functions HTTP/1.1\r\n" + signed("lambda") + "\r\n";
            case 2 -> "GET\r\n\r\n";
            case 3 -> "GET /2015-03-31/functions HTTP/1.1\r\nno colon here\r\n\r\n";
            case 4 -> "\u0000\u0001\u0002\u00ff garbage";
            case 5 -> "GET /2015-03-31/functions HTTP/1.0\r\n" + signed("lambda") + "\r\n";
            default -> "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
        };
        return new Request("not http " + text.substring(0, Math.min(40, text.length())).replace("\r\n", " | "),
                text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Replaces, drops or repeats a piece of a body, or flips a byte. */
    private String mutate(String body) {
        if (body.isEmpty() || random.nextInt(4) == 0) {
            return body;
        }
        int at = random.nextInt(body.length());
        return switch (random.nextInt(5)) {
            case 0 -> body.substring(0, at);
            case 1 -> body.substring(0, at) + pick(List.of("\"", "{", "}", "]", ",", ":", "\\", "null", "1e999",
                    "\\u0000", "\"\"")) + body.substring(at);
            case 2 -> body.substring(0, at) + body.substring(Math.min(body.length(), at + 1 + random.nextInt(8)));
            case 3 -> body + body;
            default -> body.substring(0, at) + (char) random.nextInt(0x3000) + body.substring(at + 1);
        };
    }

    private static String signed(String service) {
        return "Host: 127.0.0.1\r\nX-Amz-Date: 20261201T000000Z\r\nAuthorization: " + String.format(AUTH, service)
                + "\r\n";
    }

    private static byte[] request(String method, String path, String headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        out.writeBytes((method + " " + path + " HTTP/1.1\r\n" + headers + "Content-Length: " + content.length
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        return out.toByteArray();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
