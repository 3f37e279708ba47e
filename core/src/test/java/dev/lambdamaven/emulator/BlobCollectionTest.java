package dev.lambdamaven.emulator;

import static dev.lambdamaven.emulator.EmulatorFixture.createRequest;
import static dev.lambdamaven.emulator.EmulatorFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lambdamaven.emulator.http.FrontDoor;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.runtime.InvocationRequest;
import dev.lambdamaven.emulator.runtime.InvocationResult;
import dev.lambdamaven.emulator.store.BlobCollector;
import dev.lambdamaven.emulator.store.BlobStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Garbage collection of stored blobs: what goes once unreferenced, what stays (other references, the grace
 * period after a write or a dropped reference) and that the remaining functions still run and download.
 */
class BlobCollectionTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Emulator emulator;
    private LambdaClient lambda;

    /** Answers with the content of entry {@code a} of the code zip, read from the blob the emulator resolved. */
    static final class ZipReadingRuntime implements FunctionRuntime {
        @Override
        public InvocationResult invoke(InvocationRequest request) {
            try (ZipFile code = new ZipFile(request.codeZip().toFile())) {
                String a = new String(code.getInputStream(code.getEntry("a")).readAllBytes(), StandardCharsets.UTF_8);
                for (Path layer : request.layerZips()) {
                    try (ZipFile zip = new ZipFile(layer.toFile())) {
                        a += "+" + zip.size() + " layer entries";
                    }
                }
                return new InvocationResult(("\"" + a + "\"").getBytes(StandardCharsets.UTF_8), null, "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {}
    }

    private void start(Duration grace) throws IOException {
        start(grace, new ZipReadingRuntime());
    }

    private void start(Duration grace, FunctionRuntime runtime) throws IOException {
        emulator = Emulator.start(EmulatorFixture.options(dir).blobGracePeriod(grace)
                .functionRuntime(runtime).build());
        lambda = EmulatorFixture.lambda(emulator);
        open.add(emulator);
        open.add(lambda);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void deleteFunctionCollectsItsCodeButKeepsContentOthersStillUse() throws Exception {
        start(Duration.ZERO);
        S3Client s3 = s3();
        byte[] own = zip("a", "only fn-a");
        byte[] shared = zip("a", "shared");
        lambda.createFunction(createRequest("fn-a", own).publish(true).build());
        lambda.createFunction(createRequest("fn-b", shared).build());
        lambda.publishLayerVersion(b -> b.layerName("lib").content(c -> c.zipFile(SdkBytes.fromByteArray(shared))));
        s3.createBucket(b -> b.bucket("artifacts"));
        s3.putObject(b -> b.bucket("artifacts").key("fn.zip"), RequestBody.fromBytes(shared));

        lambda.deleteFunction(b -> b.functionName("fn-a")); // $LATEST and version 1 used it
        assertThat(passAskedForByTheLastCall().blobs()).containsExactly(sha(own));
        assertThat(blob(own)).doesNotExist();

        lambda.deleteFunction(b -> b.functionName("fn-b"));
        assertThat(passAskedForByTheLastCall().blobs()).isEmpty();
        lambda.deleteLayerVersion(b -> b.layerName("lib").versionNumber(1L));
        assertThat(passAskedForByTheLastCall().blobs()).isEmpty();
        assertThat(blob(shared)).exists(); // the S3 object still uses it
        assertThat(s3.getObjectAsBytes(b -> b.bucket("artifacts").key("fn.zip")).asByteArray()).isEqualTo(shared);

        byte[] next = zip("a", "next build");
        s3.putObject(b -> b.bucket("artifacts").key("fn.zip"), RequestBody.fromBytes(next));
        assertThat(passAskedForByTheLastCall().blobs()).containsExactly(sha(shared));
        assertThat(blob(shared)).doesNotExist();
        assertThat(blob(next)).exists();
    }

    @Test
    void deletingOneVersionCollectsOnlyCodeNoOtherVersionUses() throws Exception {
        start(Duration.ZERO);
        byte[] first = zip("a", "first");
        byte[] second = zip("a", "second");
        lambda.createFunction(createRequest("fn", first).publish(true).build());
        lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(second)).publish(true));

        lambda.deleteFunction(b -> b.functionName("fn").qualifier("1"));
        assertThat(passAskedForByTheLastCall().blobs()).containsExactly(sha(first));
        lambda.deleteFunction(b -> b.functionName("fn").qualifier("2"));
        assertThat(passAskedForByTheLastCall().blobs()).isEmpty(); // $LATEST still runs it
        assertThat(blob(second)).exists();

        assertThat(invoke("fn", "$LATEST")).isEqualTo("\"second\"");
        assertThat(download(lambda.getFunction(b -> b.functionName("fn")).code().location())).isEqualTo(second);
    }

    @Test
    void updateFunctionCodeCollectsUnpublishedCodeAndKeepsPublishedCode() throws Exception {
        start(Duration.ZERO);
        byte[] draft = zip("a", "draft");
        byte[] released = zip("a", "released");
        byte[] next = zip("a", "next");
        byte[] layer = zip("l1", "x", "l2", "y");
        String layerArn = lambda.publishLayerVersion(b -> b.layerName("lib")
                .content(c -> c.zipFile(SdkBytes.fromByteArray(layer)))).layerVersionArn();
        lambda.createFunction(createRequest("fn", draft).layers(layerArn).build());

        lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(released)).publish(true));
        assertThat(passAskedForByTheLastCall().blobs()).containsExactly(sha(draft));
        lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(next)));
        assertThat(passAskedForByTheLastCall().blobs()).isEmpty(); // version 1 runs the released code
        assertThat(blob(released)).exists();

        assertThat(invoke("fn", "1")).isEqualTo("\"released+2 layer entries\"");
        assertThat(invoke("fn", "$LATEST")).isEqualTo("\"next+2 layer entries\"");
        assertThat(download(lambda.getFunction(b -> b.functionName("fn").qualifier("1")).code().location()))
                .isEqualTo(released);
        assertThat(download(lambda.getLayerVersion(b -> b.layerName("lib").versionNumber(1L)).content().location()))
                .isEqualTo(layer);
    }

    @Test
    void multipartUploadPartsAreCollectedOnceCompletedOrAborted() throws Exception {
        start(Duration.ZERO);
        S3Client s3 = s3();
        s3.createBucket(b -> b.bucket("big"));
        byte[] whole = zip("a", "x".repeat(10_000), "b", "y".repeat(10_000));
        byte[] part1 = java.util.Arrays.copyOfRange(whole, 0, whole.length / 2);
        byte[] part2 = java.util.Arrays.copyOfRange(whole, whole.length / 2, whole.length);
        String id = s3.createMultipartUpload(b -> b.bucket("big").key("fn.zip")).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket("big").key("fn.zip").uploadId(id).partNumber(1),
                RequestBody.fromBytes(part1)).eTag();
        String e2 = s3.uploadPart(b -> b.bucket("big").key("fn.zip").uploadId(id).partNumber(2),
                RequestBody.fromBytes(part2)).eTag();
        s3.completeMultipartUpload(b -> b.bucket("big").key("fn.zip").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(),
                CompletedPart.builder().partNumber(2).eTag(e2).build())));
        assertThat(passAskedForByTheLastCall().blobs()).containsExactlyInAnyOrder(sha(part1), sha(part2));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("big").key("fn.zip")).asByteArray()).isEqualTo(whole);

        byte[] abandoned = "abandoned".getBytes(StandardCharsets.UTF_8);
        String other = s3.createMultipartUpload(b -> b.bucket("big").key("other.zip")).uploadId();
        s3.uploadPart(b -> b.bucket("big").key("other.zip").uploadId(other).partNumber(1),
                RequestBody.fromBytes(abandoned));
        s3.abortMultipartUpload(b -> b.bucket("big").key("other.zip").uploadId(other));
        assertThat(passAskedForByTheLastCall().blobs()).containsExactly(sha(abandoned));
    }

    @Test
    void withALongGracePeriodNothingRecentlyWrittenOrDroppedIsDeleted() throws Exception {
        start(HOUR);
        byte[] deleted = zip("a", "deleted");
        byte[] replaced = zip("a", "replaced");
        lambda.createFunction(createRequest("gone", deleted).build());
        lambda.createFunction(createRequest("kept", replaced).build());
        age(blob(deleted), Duration.ofHours(2)); // uploaded long ago: only the drop time protects them now
        age(blob(replaced), Duration.ofHours(2));
        byte[] unreferenced = "written just now".getBytes(StandardCharsets.UTF_8);
        new BlobStore(dir).put(unreferenced);

        lambda.deleteFunction(b -> b.functionName("gone")); // a cascade: the trigger on versions records it
        lambda.updateFunctionCode(b -> b.functionName("kept").zipFile(SdkBytes.fromByteArray(zip("a", "new"))));
        assertThat(passAskedForByTheLastCall().blobs()).isEmpty();
        assertThat(collect().blobs()).isEmpty();
        assertThat(blob(deleted)).exists();
        assertThat(blob(replaced)).exists(); // an INSERT OR REPLACE of $LATEST recorded this drop
        assertThat(blob(unreferenced)).exists();

        ageDrops(Duration.ofHours(2));
        assertThat(collect().blobs()).containsExactlyInAnyOrder(sha(deleted), sha(replaced));
        assertThat(blob(unreferenced)).exists(); // still younger than the grace period
    }

    /** The race a collector must lose: a writer has stored content and not yet committed its reference. */
    @Test
    void contentStoredButNotYetReferencedSurvivesACollectionWithinTheGracePeriod() throws Exception {
        start(HOUR);
        byte[] code = zip("a", "racing");
        BlobStore otherWriter = new BlobStore(dir); // as another emulator process on the directory
        otherWriter.put(code);

        assertThat(collect().blobs()).isEmpty();
        assertThat(blob(code)).exists();
        lambda.createFunction(createRequest("fn", code).build()); // the reference arrives
        assertThat(invoke("fn", "$LATEST")).isEqualTo("\"racing\"");

        byte[] abandoned = zip("a", "abandoned");
        otherWriter.put(abandoned);
        age(blob(abandoned), Duration.ofHours(2)); // never referenced, and older than the grace period
        assertThat(collect().blobs()).containsExactly(sha(abandoned));
        assertThat(blob(code)).exists();
    }

    @Test
    void storingContentAgainRefreshesItsTimeSoItIsNotCollectedUnderTheWriter() throws Exception {
        start(HOUR);
        byte[] content = "stored twice".getBytes(StandardCharsets.UTF_8);
        BlobStore writer = new BlobStore(dir);
        writer.put(content);
        age(blob(content), Duration.ofHours(2));
        Instant beforeRePut = Instant.now().minusSeconds(2); // file times may be coarse

        writer.put(content);

        assertThat(Files.getLastModifiedTime(blob(content)).toInstant()).isAfter(beforeRePut);
        assertThat(collect().blobs()).isEmpty();
        assertThat(blob(content)).exists();
    }

    @Test
    void aWriteWhoseContentWasCollectedFailsInsteadOfReferencingNothing() throws Exception {
        BlobStore blobs = new BlobStore(dir);
        String sha = blobs.put("content".getBytes(StandardCharsets.UTF_8)).sha256Hex();
        blobs.requirePresent(sha);
        Files.delete(blobs.path(sha));
        assertThatThrownBy(() -> blobs.requirePresent(sha)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("garbage-collected");
    }

    @Test
    void theFirstCollectionAfterStartRemovesWhatEarlierRunsAndCrashesLeft() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path stale = Files.write(tmp.resolve("crashed.tmp"), new byte[10]);
        Path fresh = Files.write(tmp.resolve("being-written.tmp"), new byte[10]);
        Path notOurs = Files.write(tmp.resolve("notes.txt"), new byte[10]);
        age(stale, Duration.ofHours(2));
        age(notOurs, Duration.ofHours(2));
        byte[] orphan = "left by an earlier run".getBytes(StandardCharsets.UTF_8);
        new BlobStore(dir).put(orphan);
        age(blob(orphan), Duration.ofHours(2));

        start(HOUR);

        BlobCollector.Collected atStart = passAskedForByTheLastCall();
        assertThat(atStart.temps()).containsExactly("crashed.tmp");
        assertThat(atStart.blobs()).containsExactly(sha(orphan));
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(notOurs).exists();
    }

    /** An Event invocation may wait in its queue longer than any grace period: its code stays until it ran. */
    @Test
    void codeAQueuedEventInvocationWillReadIsKeptUntilItRan() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CompletableFuture<String> read = new CompletableFuture<>();
        start(Duration.ZERO, new FunctionRuntime() {
            @Override
            public InvocationResult invoke(InvocationRequest request) {
                try {
                    gate.await();
                    read.complete(new String(new ZipReadingRuntime().invoke(request).payload(),
                            StandardCharsets.UTF_8));
                } catch (InterruptedException | RuntimeException e) {
                    read.completeExceptionally(e);
                }
                return new InvocationResult(new byte[0], null, "");
            }

            @Override
            public void close() {
                gate.countDown();
            }
        });
        byte[] queued = zip("a", "queued");
        lambda.createFunction(createRequest("fn", queued).build());
        assertThat(lambda.invoke(b -> b.functionName("fn").invocationType("Event")).statusCode()).isEqualTo(202);
        lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(zip("a", "next"))));
        assertThat(passAskedForByTheLastCall().blobs()).doesNotContain(sha(queued));
        assertThat(blob(queued)).exists();

        gate.countDown();
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("\"queued\"");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(blob(queued)) && System.nanoTime() < deadline) {
            collect(); // the pin is released just after the invocation returns
            Thread.sleep(20);
        }
        assertThat(blob(queued)).doesNotExist();
    }

    /** With a grace period, what a pass had to keep is collected by a later pass it schedules itself. */
    @Test
    void aPassThatKeepsSomethingNotYetDueSchedulesTheNextOne() throws Exception {
        start(Duration.ofSeconds(60));
        byte[] orphan = "unreferenced".getBytes(StandardCharsets.UTF_8);
        new BlobStore(dir).put(orphan);
        age(blob(orphan), Duration.ofSeconds(55)); // due in 5 s: the first pass, asked for now, must keep it
        CompletableFuture<BlobCollector.Collected> first = emulator.blobCollector().request();
        assertThat(first.get(10, TimeUnit.SECONDS).blobs()).doesNotContain(sha(orphan));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        CompletableFuture<BlobCollector.Collected> followUp = first;
        while (followUp == first && System.nanoTime() < deadline) {
            Thread.sleep(50); // waits for the collector's own follow-up; no API call asks for one here
            followUp = emulator.blobCollector().latest();
        }
        assertThat(followUp).isNotSameAs(first);
        assertThat(followUp.get(10, TimeUnit.SECONDS).blobs()).containsExactly(sha(orphan));
    }

    /**
     * The race a writer must lose safely, made to happen: the test holds the database's write lock as a collection
     * pass does, waits until the update has stored its content and waits for that lock to commit its reference,
     * deletes the unreferenced content as the pass would, and releases the lock. The update must be refused for that
     * reason, commit nothing, and succeed when sent again.
     */
    @Test
    void aWriteWhoseContentIsCollectedBeforeItsCommitIsRefusedAndCommitsNothing() throws Exception {
        start(HOUR);
        byte[] before = zip("a", "before");
        byte[] next = zip("a", "next");
        lambda.createFunction(createRequest("fn", before).build());
        List<Throwable> failures;
        CompletableFuture<Throwable> update;
        try (RequestFailures logged = new RequestFailures();
                Connection collectorLock = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("emulator.db"));
                Statement sql = collectorLock.createStatement()) {
            sql.execute("PRAGMA busy_timeout=10000");
            sql.execute("BEGIN IMMEDIATE");
            update = CompletableFuture.supplyAsync(() -> catchThrowable(() -> lambda.updateFunctionCode(
                    b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(next)))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(blob(next)) || !aThreadIsIn("dev.lambdamaven.emulator.store.Database", "write")) {
                assertThat(System.nanoTime()).as("the update stored its content and waits for the write lock within"
                        + " 20 s").isLessThan(deadline);
                assertThat(update).as("the update waits for the write lock").isNotDone();
                Thread.sleep(5);
            }
            Files.delete(blob(next));
            sql.execute("COMMIT");
            assertThat(update.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(ServiceException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(500));
            failures = logged.failures();
        }
        assertThat(failures).singleElement().satisfies(this::assertContentWasCollected)
                .satisfies(e -> assertThat(e).rootCause().hasMessageContaining("garbage-collected before it was"
                        + " referenced; retry the request"));
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("fn")).codeSha256()).isEqualTo(base64Sha(before));
        assertThat(invoke("fn", "$LATEST")).isEqualTo("\"before\"");

        assertThat(lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(next)))
                .codeSha256()).as("sent again, as the error says").isEqualTo(base64Sha(next));
        assertThat(invoke("fn", "$LATEST")).isEqualTo("\"next\"");
    }

    /**
     * Zero grace turns the time-based protection off, so a second emulator on the directory collecting without
     * pause does delete content between a writer's store and its commit: the write must then fail, never commit a
     * reference to a missing blob.
     */
    @Test
    void noCommittedReferenceEverPointsAtACollectedBlob() throws Exception {
        start(Duration.ZERO);
        Emulator collecting = Emulator.start(EmulatorFixture.options(dir).blobGracePeriod(Duration.ZERO).build());
        open.add(collecting);
        lambda.createFunction(createRequest("fn", zip("a", "0")).build());
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            while (writing.get()) {
                collecting.blobCollector().request().handle((collected, failure) -> collected).join();
                LockSupport.parkNanos(1_000_000);
            }
        });
        collector.start();
        int failed = 0;
        List<Throwable> failures;
        try (RequestFailures logged = new RequestFailures()) {
            for (int i = 1; i <= 60; i++) {
                byte[] code = zip("a", Integer.toString(i));
                try {
                    lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(SdkBytes.fromByteArray(code)));
                } catch (ServiceException e) {
                    failed++; // refused: the logged cause below must say its content was collected before its commit
                    continue;
                }
                assertThat(blob(code)).exists(); // committed, so referenced: no later pass may take it
            }
            failures = logged.failures();
        } finally {
            writing.set(false);
            collector.join();
        }
        assertThat(failures).hasSize(failed).allSatisfy(this::assertContentWasCollected);
        String location = lambda.getFunction(b -> b.functionName("fn")).code().location();
        byte[] current = download(location);
        assertThat(blob(current)).exists();
        assertThat(invoke("fn", "$LATEST")).matches("\"\\d+\"");
        assertThat(failed).isLessThan(60); // some writes got through (most lose the race at zero grace)
    }

    @Test
    void theCollectorStopsWithTheEmulator() throws Exception {
        start(Duration.ZERO);
        open.remove(emulator);
        emulator.close();
        assertThat(emulator.blobCollector().request()).isCancelled();
    }

    @Test
    void gracePeriodDefaultsToTenMinutesAndMustNotBeNegative() {
        assertThat(EmulatorOptions.builder().stateDir(dir).build().blobGracePeriod()).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> EmulatorOptions.builder().blobGracePeriod(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers

    /** The failures the front door logs while open (each refused request's cause), silencing the log meanwhile. */
    private static final class RequestFailures extends Handler implements AutoCloseable {
        private final Logger requests = Logger.getLogger(FrontDoor.class.getName());
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final boolean parentHandlers = requests.getUseParentHandlers();

        RequestFailures() {
            requests.setUseParentHandlers(false);
            requests.addHandler(this);
        }

        List<Throwable> failures() {
            return List.copyOf(failures);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null) {
                failures.add(record.getThrown());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            requests.removeHandler(this);
            requests.setUseParentHandlers(parentHandlers);
        }
    }

    /**
     * A write refused because its content went between its store and its commit: the file missing is its temp file
     * or its blob (the write's own content; the collector takes nothing else from a writer).
     */
    private void assertContentWasCollected(Throwable failure) {
        // NIO says NoSuchFileException; java.util.zip.ZipFile, opening a zip the collector took, FileNotFoundException
        Throwable root = rootCause(failure);
        assertThat(root).as(failure.toString()).isInstanceOfAny(NoSuchFileException.class,
                FileNotFoundException.class);
        Path missing = Path.of(root instanceof NoSuchFileException gone ? gone.getFile()
                : root.getMessage().replaceFirst(" \\(No such file or directory\\)$", ""));
        assertThat(missing.getParent()).as(failure.toString()).isIn(dir.resolve("blobs"), dir.resolve("tmp"));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /** Whether some thread of this JVM is running (or blocked in) {@code className.method}. */
    private static boolean aThreadIsIn(String className, String method) {
        return Thread.getAllStackTraces().values().stream().flatMap(java.util.Arrays::stream)
                .anyMatch(frame -> frame.getClassName().equals(className) && frame.getMethodName().equals(method));
    }

    private static String base64Sha(byte[] content) throws Exception {
        return java.util.Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** The pass the last API call asked for (it asks before it answers), once it has run. */
    private BlobCollector.Collected passAskedForByTheLastCall() throws Exception {
        return emulator.blobCollector().latest().get(10, TimeUnit.SECONDS);
    }

    private BlobCollector.Collected collect() throws Exception {
        return emulator.blobCollector().request().get(10, TimeUnit.SECONDS);
    }

    private String invoke(String function, String qualifier) {
        return lambda.invoke(b -> b.functionName(function).qualifier(qualifier)).payload().asUtf8String();
    }

    private Path blob(byte[] content) throws Exception {
        return dir.resolve("blobs").resolve(sha(content));
    }

    private static String sha(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static void age(Path file, Duration by) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)));
    }

    /** Moves every recorded drop back in time, as if it had happened that long ago. */
    private void ageDrops(Duration by) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("emulator.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            assertThat(s.executeUpdate("UPDATE blob_drops SET dropped_at = dropped_at - " + by.toMillis()))
                    .isPositive();
        }
    }

    private static byte[] download(String location) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(location + " " + new String(response.body())).isEqualTo(200);
        return response.body();
    }

    private S3Client s3() {
        S3Client s3 = S3Client.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).build();
        open.add(s3);
        return s3;
    }
}
