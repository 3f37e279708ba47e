package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import dev.lambdamaven.deploy.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Runs the same scenarios against the emulator and {@code moto_server} (when it is on the PATH) and compares
 * the shapes of the answers: every field moto returns, the emulator returns too (save the documented
 * differences where moto departs from AWS), and errors have the same type and status.
 */
class MotoComparisonTest {

    /**
     * Fields moto sends where AWS sends nothing: an empty {@code Layers} list on functions without layers, and
     * an empty {@code LicenseInfo} on layer versions published without one.
     */
    static final Set<String> MOTO_ONLY = Set.of("Layers", "LicenseInfo");

    @TempDir
    static Path dir;
    static MotoServer moto;
    static Emulator emulator;
    static LambdaClient ours;
    static LambdaClient theirs;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        createQueue(moto.endpoint(), "orders");
        emulator = EmulatorFixture.start(Files.createDirectories(dir.resolve("state")));
        ours = EmulatorFixture.lambda(emulator);
        theirs = EmulatorFixture.lambda((EmulatorFixture.HasEndpoint) moto::endpoint);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ours != null) {
            ours.close();
            theirs.close();
            emulator.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    /** The names of the fields present (non-null, not an SDK placeholder) in a response or nested object. */
    static Set<String> shape(SdkPojo pojo) {
        Set<String> names = new TreeSet<>();
        pojo.sdkFields().forEach(field -> {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
                names.add(field.locationName());
            }
        });
        return names;
    }

    private static <T extends SdkPojo> void sameShape(Function<LambdaClient, T> call) {
        sameShape(call, Set.of());
    }

    /** {@code motoOnly}: fields this call's answer has on moto and not on AWS, besides {@link #MOTO_ONLY}. */
    private static <T extends SdkPojo> void sameShape(Function<LambdaClient, T> call, Set<String> motoOnly) {
        Set<String> mine = shape(call.apply(ours));
        Set<String> motos = new TreeSet<>(shape(call.apply(theirs)));
        motos.removeAll(MOTO_ONLY);
        motos.removeAll(motoOnly);
        assertThat(mine).as("emulator fields vs moto fields %s", motos).containsAll(motos);
    }

    private static void sameError(Function<LambdaClient, ?> call) {
        LambdaException mine = catchThrowableOfType(LambdaException.class, () -> call.apply(ours));
        LambdaException motos = catchThrowableOfType(LambdaException.class, () -> call.apply(theirs));
        assertThat(mine).isNotNull();
        assertThat(motos).isNotNull();
        assertThat(mine.statusCode()).isEqualTo(motos.statusCode());
        assertThat(mine.awsErrorDetails().errorCode()).isEqualTo(motos.awsErrorDetails().errorCode());
    }

    @Test
    void functionsVersionsAndAliasesHaveMotosShapesAndMore() {
        byte[] code = zip("index.py", "def handler(e, c):\n    return e\n");
        sameShape(c -> c.createFunction(createRequest("shape", code).build()));
        sameShape(c -> c.getFunctionConfiguration(b -> b.functionName("shape")));
        sameShape(c -> c.getFunction(b -> b.functionName("shape")));
        sameShape(c -> c.publishVersion(b -> b.functionName("shape")));
        sameShape(c -> c.createAlias(b -> b.functionName("shape").name("live").functionVersion("1")));
        sameShape(c -> c.getAlias(b -> b.functionName("shape").name("live")));
        List<String> mine = new ArrayList<>();
        List<String> motos = new ArrayList<>();
        ours.listVersionsByFunction(b -> b.functionName("shape")).versions().forEach(v -> mine.add(v.version()));
        theirs.listVersionsByFunction(b -> b.functionName("shape")).versions().forEach(v -> motos.add(v.version()));
        assertThat(mine).isEqualTo(motos);
        sameShape(c -> c.publishLayerVersion(b -> b.layerName("shape-layer")
                .content(x -> x.zipFile(SdkBytes.fromByteArray(code)))));
    }

    @Test
    void errorsHaveMotosTypesAndStatuses() {
        byte[] code = zip("index.py", "x");
        ours.createFunction(createRequest("twice", code).build());
        theirs.createFunction(createRequest("twice", code).build());
        sameError(c -> c.createFunction(createRequest("twice", code).build()));
        sameError(c -> c.getFunction(b -> b.functionName("missing")));
        sameError(c -> c.getAlias(b -> b.functionName("twice").name("missing")));
    }

    /** moto maps a queue to a function only when the queue exists in its SQS: create it (query protocol). */
    private static void createQueue(URI endpoint, String name) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/sqs/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=CreateQueue&QueueName=" + name)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    /** The control plane's other families, where moto serves them (not provisioned concurrency or code signing). */
    @Test
    void controlPlaneFamiliesHaveMotosShapesAndMore() {
        byte[] code = zip("index.py", "x");
        String queue = "arn:aws:sqs:us-east-1:123456789012:orders";
        ours.createFunction(createRequest("families", code).build());
        theirs.createFunction(createRequest("families", code).build());
        sameShape(c -> c.addPermission(b -> b.functionName("families").statementId("s3").action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::bucket")));
        sameShape(c -> c.getPolicy(b -> b.functionName("families")));
        sameShape(c -> c.putFunctionEventInvokeConfig(b -> b.functionName("families").maximumRetryAttempts(1)));
        // moto's UpdateFunctionEventInvokeConfig answers LastModified as a date string the SDK cannot read
        ours.updateFunctionEventInvokeConfig(b -> b.functionName("families").maximumEventAgeInSeconds(60));
        theirs.putFunctionEventInvokeConfig(b -> b.functionName("families").maximumRetryAttempts(1)
                .maximumEventAgeInSeconds(60));
        sameShape(c -> c.getFunctionEventInvokeConfig(b -> b.functionName("families")));
        // AWS answers InvokeMode to Create and Update only when it was set (TestLambdaUrl::test_url_config_lifecycle)
        sameShape(c -> c.createFunctionUrlConfig(b -> b.functionName("families").authType("NONE")), Set.of("InvokeMode"));
        sameShape(c -> c.getFunctionUrlConfig(b -> b.functionName("families")));
        sameShape(c -> c.updateFunctionUrlConfig(b -> b.functionName("families").authType("AWS_IAM")),
                Set.of("InvokeMode"));
        String mine = ours.createEventSourceMapping(b -> b.functionName("families").eventSourceArn(queue)).uuid();
        String motos = theirs.createEventSourceMapping(b -> b.functionName("families").eventSourceArn(queue)).uuid();
        assertThat(shape(ours.getEventSourceMapping(b -> b.uuid(mine))))
                .containsAll(shape(theirs.getEventSourceMapping(b -> b.uuid(motos))));
        assertThat(shape(ours.updateEventSourceMapping(b -> b.uuid(mine).batchSize(5))))
                .containsAll(shape(theirs.updateEventSourceMapping(b -> b.uuid(motos).batchSize(5))));
        sameShape(c -> c.listEventSourceMappings(b -> b.functionName("families")));
    }

    @Test
    void controlPlaneErrorsHaveMotosTypesAndStatuses() {
        byte[] code = zip("index.py", "x");
        ours.createFunction(createRequest("errors", code).build());
        theirs.createFunction(createRequest("errors", code).build());
        sameError(c -> c.getPolicy(b -> b.functionName("missing")));
        sameError(c -> c.addPermission(b -> b.functionName("missing").statementId("s3").action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com")));
        sameError(c -> c.getFunctionUrlConfig(b -> b.functionName("errors")));
        sameError(c -> c.getFunctionEventInvokeConfig(b -> b.functionName("errors")));
        sameError(c -> c.getEventSourceMapping(b -> b.uuid("c2a6d66e-0f39-4a2d-9a58-5f3b1cf0d1a7")));
    }
}
