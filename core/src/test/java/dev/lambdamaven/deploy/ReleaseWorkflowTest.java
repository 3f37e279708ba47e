package dev.lambdamaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.config.DeployOptions;
import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.config.LayerSpec;
import dev.lambdamaven.config.Target;
import dev.lambdamaven.config.TrafficShift;
import dev.lambdamaven.emulator.Emulator;
import dev.lambdamaven.emulator.EmulatorFixture;
import dev.lambdamaven.emulator.runtime.FunctionRuntime;
import dev.lambdamaven.emulator.runtime.InvocationRequest;
import dev.lambdamaven.emulator.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The release workflow through the deployer against the emulator, as a CI stage drives it: alias history kept on
 * the target (every step uses a new deployer, as a fresh CI machine would), rollbacks that stick, traffic
 * shifting with smoke invocations, and the clean-up goals. Invocations run in a stand-in runtime that fails for
 * the handler {@code fails} (and for {@code flaky} from its second call), so no child process is needed.
 */
class ReleaseWorkflowTest {

    @TempDir
    static Path dir;

    private static Emulator emulator;
    private static LambdaClient lambda;
    private static final List<InvocationRequest> INVOKED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FLAKY_CALLS = new AtomicInteger();

    private final RecordingLog log = new RecordingLog();
    /** One minute later at every reading, so that each move has its own time. */
    private final AtomicLong minutes = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() {
            return Instant.parse("2026-12-01T10:00:00Z").plusSeconds(60 * minutes.incrementAndGet());
        }
    };

    @BeforeAll
    static void start() throws Exception {
        FunctionRuntime runtime = new FunctionRuntime() {
            @Override
            public InvocationResult invoke(InvocationRequest request) {
                INVOKED.add(request);
                boolean fails = request.handler().endsWith("fails")
                        || (request.handler().endsWith("flaky") && FLAKY_CALLS.incrementAndGet() > 1);
                return fails ? new InvocationResult("{\"errorMessage\":\"boom\"}".getBytes(StandardCharsets.UTF_8),
                        "Unhandled", "boom") : new InvocationResult("\"ok\"".getBytes(StandardCharsets.UTF_8), null, "");
            }

            @Override
            public void close() {}
        };
        emulator = Emulator.start(EmulatorFixture.options(dir.resolve("state")).functionRuntime(runtime).build());
        lambda = EmulatorFixture.lambda(emulator);
    }

    @AfterAll
    static void stop() {
        lambda.close();
        emulator.close();
    }

    private Deployer deployer(Sleeper sleeper) {
        AwsClients clients = new AwsClients(new Target(Target.Kind.EMULATOR, emulator.endpoint(), null, null));
        return new Deployer(clients, log, new Retry(m -> { }, log), CodeUploader.DIRECT_UPLOAD_LIMIT, clock, sleeper);
    }

    private Deployer deployer() {
        return deployer(m -> { });
    }

    private String publish(String name, String code, String handler) throws Exception {
        FunctionSpec spec = FunctionSpec.builder(name, TestZips.zip(dir, name + "-" + code + ".zip", code))
                .handler("com.acme.Handler::" + handler).runtime("java21").role(EmulatorFixture.ROLE).build();
        try (Deployer d = deployer()) {
            return d.deployFunction(spec, DeployOptions.DEFAULTS).version();
        }
    }

    private AliasResult point(String name, String version, Origin origin) {
        try (Deployer d = deployer()) {
            return d.updateAlias(name, AliasSpec.named("live"), version, origin, DeployOptions.DEFAULTS);
        }
    }

    private AliasResult rollback(String name, int steps, String toVersion) {
        try (Deployer d = deployer()) {
            return d.rollback(name, "live", steps, toVersion, DeployOptions.DEFAULTS);
        }
    }

    private String live(String name) {
        return lambda.getAlias(r -> r.functionName(name).name("live")).functionVersion();
    }

    @Test
    void rollbacksGoBackAlongTheHistoryAndStick() throws Exception {
        String fn = "history-fn";
        for (String code : List.of("a", "b", "c")) {
            point(fn, publish(fn, code, "ok"), Origin.PUBLISHED);
        }
        assertThat(live(fn)).isEqualTo("3");

        assertThat(rollback(fn, 1, null).functionVersion()).isEqualTo("2");
        AliasResult redeploy = point(fn, "3", Origin.UNCHANGED);
        assertThat(redeploy.changed()).as("a deploy that published nothing leaves the rollback in place").isFalse();
        assertThat(live(fn)).isEqualTo("2");
        assertThat(log.text()).contains("Alias live stays at version 2 where lambda:rollback put it at",
                "version 3 was rolled back and this build published nothing new");

        assertThat(rollback(fn, 1, null).functionVersion()).as("a second rollback goes further back").isEqualTo("1");
        assertThat(point(fn, "3", Origin.NAMED).functionVersion()).as("a named version moves it").isEqualTo("3");
        assertThat(rollback(fn, 1, "1").functionVersion()).isEqualTo("1");
        assertThatThrownBy(() -> rollback(fn, 1, "2")).isInstanceOf(DeployRefusedException.class)
                .hasMessageContaining("Version 2 is not an earlier release of alias live")
                .hasMessageContaining("lambda:update-alias -Dlambda.version=2");
        assertThatThrownBy(() -> rollback(fn, 1, null)).isInstanceOf(DeployRefusedException.class)
                .hasMessageContaining("0 earlier release(s)");

        List<HistoryEntry> history;
        try (Deployer d = deployer()) {
            history = d.history(fn, "live");
        }
        assertThat(history).extracting(e -> e.action() + " " + e.version() + "<" + e.from() + " " + e.state())
                .containsExactly("release 1<null in effect", "release 2<1 rolled back", "release 3<2 rolled back",
                        "rollback 2<3 -", "rollback 1<2 -", "release 3<1 rolled back", "rollback 1<3 -");
        assertThat(history).extracting(HistoryEntry::versionDescription).allMatch(d -> d == null || d.isEmpty());
        assertThat(history.get(1).time()).isAfter(history.get(0).time());
    }

    @Test
    void aCanaryIsPromotedOrEndedByARollback() throws Exception {
        String fn = "canary-fn";
        point(fn, publish(fn, "a", "ok"), Origin.PUBLISHED);
        String v2 = publish(fn, "b", "ok");
        try (Deployer d = deployer()) {
            AliasResult canary = d.updateAlias(fn, new AliasSpec("live", 0.2, null, null), v2, Origin.PUBLISHED,
                    DeployOptions.DEFAULTS);
            assertThat(canary.weights()).containsExactly(Map.entry("2", 0.2));
            assertThat(d.rollback(fn, "live", 1, null, DeployOptions.DEFAULTS).weights()).isEmpty();
        }
        assertThat(live(fn)).isEqualTo("1");
        assertThat(point(fn, v2, Origin.UNCHANGED).changed()).as("the ended canary does not come back").isFalse();

        try (Deployer d = deployer()) {
            d.updateAlias(fn, new AliasSpec("live", 0.2, null, null), v2, Origin.NAMED, DeployOptions.DEFAULTS);
            AliasResult promoted = d.promote(fn, "live", DeployOptions.DEFAULTS);
            assertThat(promoted.functionVersion()).isEqualTo("2");
            assertThat(promoted.previousVersion()).isEqualTo("1");
        }
        assertThat(rollback(fn, 1, null).functionVersion()).isEqualTo("1");
    }

    @Test
    void aTrafficShiftStepsThroughItsScheduleWithASmokeInvocationBeforeEachStep() throws Exception {
        String fn = "shift-fn";
        point(fn, publish(fn, "a", "ok"), Origin.PUBLISHED);
        String v2 = publish(fn, "b", "ok");
        List<String> weightsDuringHolds = new ArrayList<>();
        List<Long> holds = new ArrayList<>();
        Sleeper observing = millis -> {
            holds.add(millis);
            weightsDuringHolds.add(lambda.getAlias(r -> r.functionName(fn).name("live")).routingConfig()
                    .additionalVersionWeights().toString());
        };
        int before = INVOKED.size();

        try (Deployer d = deployer(observing)) {
            AliasResult done = d.updateAlias(fn, new AliasSpec("live", null,
                    TrafficShift.parse("trafficShift", "linear 25% every 2s"), "{\"smoke\":true}".getBytes()), v2,
                    Origin.PUBLISHED, DeployOptions.DEFAULTS);
            assertThat(done.functionVersion()).isEqualTo("2");
            assertThat(done.weights()).isEmpty();
        }

        assertThat(weightsDuringHolds).containsExactly("{2=0.25}", "{2=0.5}", "{2=0.75}");
        assertThat(holds).containsExactly(2000L, 2000L, 2000L);
        assertThat(INVOKED.subList(before, INVOKED.size())).hasSize(4)
                .allMatch(r -> r.version().equals("2") && new String(r.payload()).equals("{\"smoke\":true}"));
        assertThat(live(fn)).isEqualTo("2");
        assertThat(lambda.getAlias(r -> r.functionName(fn).name("live")).description())
                .contains(" c2:0.25<1@", " p2<1@");
        assertThat(rollback(fn, 1, null).functionVersion()).as("the shift is one release").isEqualTo("1");
    }

    @Test
    void aFailingSmokeInvocationRollsTheShiftBackAndTheVersionStaysRolledBack() throws Exception {
        String fn = "smoke-fn";
        point(fn, publish(fn, "a", "ok"), Origin.PUBLISHED);
        String bad = publish(fn, "b", "fails");
        TrafficShift shift = TrafficShift.parse("trafficShift", "canary 10% for 1m");

        try (Deployer d = deployer()) {
            assertThatThrownBy(() -> d.updateAlias(fn, new AliasSpec("live", null, shift, "{}".getBytes()), bad,
                    Origin.PUBLISHED, DeployOptions.DEFAULTS))
                    .isInstanceOf(DeployRefusedException.class)
                    .hasMessageContaining("the smoke invocation of version 2 before step 1 of 1 (10%) failed (Unhandled)")
                    .hasMessageContaining("alias live rolled back: all traffic on version 1");
        }
        assertThat(live(fn)).isEqualTo("1");
        assertThat(lambda.getAlias(r -> r.functionName(fn).name("live")).routingConfig()).satisfiesAnyOf(
                c -> assertThat(c).isNull(), c -> assertThat(c.additionalVersionWeights()).isEmpty());
        assertThat(point(fn, bad, Origin.UNCHANGED).changed()).isFalse();
    }

    @Test
    void aStepThatFailsHalfWayPutsAllTrafficBack() throws Exception {
        String fn = "flaky-fn";
        point(fn, publish(fn, "a", "ok"), Origin.PUBLISHED);
        String flaky = publish(fn, "b", "flaky");
        List<String> weightsDuringHolds = new ArrayList<>();
        Sleeper observing = millis -> weightsDuringHolds.add(lambda.getAlias(r -> r.functionName(fn).name("live"))
                .routingConfig().additionalVersionWeights().toString());

        try (Deployer d = deployer(observing)) {
            assertThatThrownBy(() -> d.updateAlias(fn, new AliasSpec("live", null,
                    TrafficShift.parse("trafficShift", "linear 50% every 1s"), "{}".getBytes()), flaky,
                    Origin.PUBLISHED, DeployOptions.DEFAULTS))
                    .hasMessageContaining("before the final move (100%) failed");
        }

        assertThat(weightsDuringHolds).containsExactly("{2=0.5}");
        assertThat(live(fn)).isEqualTo("1");
        assertThat(lambda.getAlias(r -> r.functionName(fn).name("live")).description()).contains(" c2:0.5<1@", " b1<2@");
    }

    @Test
    void pruneKeepsTheNewestAndWhatAliasesRouteTo() throws Exception {
        String fn = "prune-fn";
        for (String code : List.of("a", "b", "c", "d", "e")) {
            point(fn, publish(fn, code, "ok"), Origin.PUBLISHED);
        }
        lambda.createAlias(r -> r.functionName(fn).name("old").functionVersion("2"));
        try (Deployer d = deployer()) {
            CleanupPlan dry = d.pruneFunction(fn, 2, new DeployOptions(true, false, null, null, null));
            assertThat(dry.deletions()).extracting(CleanupPlan.Item::id).containsExactly("1", "3");
            assertThat(versions(fn)).containsExactly("1", "2", "3", "4", "5");

            d.pruneFunction(fn, 2, DeployOptions.DEFAULTS);
        }
        assertThat(versions(fn)).containsExactly("2", "4", "5");
        assertThat(log.text()).contains("keep   version 2 (alias old)", "keep   version 5 (alias live)",
                "keep   version 4 (one of the newest 2)", "delete version 3");
        assertThatThrownBy(() -> rollback(fn, 2, null)).as("the history reaches a pruned version")
                .isInstanceOf(DeployRefusedException.class).hasMessageContaining("Version 3 of prune-fn")
                .hasMessageContaining("no longer exists");
    }

    @Test
    void aLayerKeepsTheVersionsThatKeptFunctionVersionsUse() throws Exception {
        List<String> arns = new ArrayList<>();
        try (Deployer d = deployer()) {
            for (String content : List.of("l1", "l2", "l3", "l4")) {
                arns.add(d.publishLayer(new LayerSpec("prune-layer", TestZips.zip(dir, content + ".zip", content), null,
                        null, null, null, null, null), DeployOptions.DEFAULTS).layerVersionArn());
            }
            // user:1 (the alias's) on layer 1, user:2 on layer 2, user:3 and $LATEST on layer 4; keeping 1 function
            // version keeps user:3 and user:1, so layer 2 (only user:2's) and layer 3 (nobody's) go
            String fn = "layer-user";
            for (int layer : new int[] {0, 1, 3}) {
                FunctionSpec spec = FunctionSpec.builder(fn, TestZips.zip(dir, "user" + layer + ".zip", "user" + layer))
                        .handler("a.B::c").runtime("java21").role(EmulatorFixture.ROLE).layers(List.of(arns.get(layer)))
                        .build();
                d.deployFunction(spec, DeployOptions.DEFAULTS);
            }
            d.updateAlias(fn, AliasSpec.named("live"), "1", Origin.NAMED, DeployOptions.DEFAULTS);

            CleanupPlan plan = d.pruneLayer("prune-layer", 1, DeployOptions.DEFAULTS);

            assertThat(plan.deletions()).extracting(CleanupPlan.Item::id).containsExactly("2", "3");
        }
        assertThat(lambda.listLayerVersions(r -> r.layerName("prune-layer")).layerVersions())
                .extracting(v -> v.version()).containsExactlyInAnyOrder(1L, 4L);
        assertThat(log.text()).contains("keep   layer version 1 (used by layer-user:1)",
                "keep   layer version 4 (one of the newest 1)");
    }

    @Test
    void deletingAFunctionTakesItsAliasesAndVersionsAndALayerAllItsVersions() throws Exception {
        String fn = "doomed-fn";
        point(fn, publish(fn, "a", "ok"), Origin.PUBLISHED);
        publish(fn, "b", "ok");
        try (Deployer d = deployer()) {
            CleanupPlan dry = d.deleteFunction(fn, new DeployOptions(true, false, null, null, null));
            assertThat(dry.deletions()).extracting(i -> i.what() + " " + i.id())
                    .containsExactly("ALIAS live", "VERSION 1", "VERSION 2", "FUNCTION doomed-fn");
            assertThat(live(fn)).isEqualTo("1");

            d.deleteFunction(fn, DeployOptions.DEFAULTS);
            assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(fn)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(d.deleteFunction(fn, DeployOptions.DEFAULTS).missing()).isTrue();

            d.publishLayer(new LayerSpec("doomed-layer", TestZips.zip(dir, "d1.zip", "d1"), null, null, null, null,
                    null, null), DeployOptions.DEFAULTS);
            d.publishLayer(new LayerSpec("doomed-layer", TestZips.zip(dir, "d2.zip", "d2"), null, null, null, null,
                    null, null), DeployOptions.DEFAULTS);
            assertThat(d.deleteLayer("doomed-layer", DeployOptions.DEFAULTS).deletions()).hasSize(2);
            assertThat(d.deleteLayer("doomed-layer", DeployOptions.DEFAULTS).missing()).isTrue();
        }
        assertThat(log.text()).contains("Deleted alias live", "Deleted function doomed-fn", "Deleted layer version 2");
    }

    private static List<String> versions(String fn) {
        return lambda.listVersionsByFunction(r -> r.functionName(fn)).versions().stream().map(v -> v.version())
                .filter(v -> !v.equals("$LATEST")).toList();
    }
}
