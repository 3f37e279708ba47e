package dev.lambdamaven.deploy;

import dev.lambdamaven.config.TrafficShift;
import dev.lambdamaven.deploy.ReleaseHistory.Kind;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

/**
 * Moves an alias to a new version along a {@link TrafficShift} schedule, without CodeDeploy: each step is one
 * UpdateAlias of the canary weight, held for the step's time; before each step (and before the final move of
 * all traffic) the new version itself is invoked with the smoke payload when one is set. A failing smoke
 * invocation, or a failure of the shift itself, puts all traffic back on the old version and fails the build.
 * A shift interrupted half way (a killed build) resumes from the weight the alias has. With provisioned concurrency on
 * the alias, each step holds from when its environments are ready.
 */
final class TrafficShifter {

    private final AliasUpdater aliases;
    private final FunctionInvoker invoker;
    private final ProvisionedConcurrencyWait provisioned;
    private final Sleeper sleeper;
    private final DeployLog log;

    TrafficShifter(AliasUpdater aliases, FunctionInvoker invoker, ProvisionedConcurrencyWait provisioned,
                   Sleeper sleeper, DeployLog log) {
        this.aliases = aliases;
        this.invoker = invoker;
        this.provisioned = provisioned;
        this.sleeper = sleeper;
        this.log = log;
    }

    /** Runs {@code shift} from {@code start}, a plan that puts the first step's weight on the new version. */
    AliasResult run(AliasPlan start, TrafficShift shift, byte[] smokePayload) {
        String fn = start.functionName();
        String alias = start.aliasName();
        String primary = start.primary();
        String version = start.weights().keySet().iterator().next();
        double reached = AliasUpdater.weights(start.current()).getOrDefault(version, 0.0);
        List<TrafficShift.Step> steps = shift.steps().stream().filter(s -> s.weight() > reached).toList();
        if (steps.size() < shift.steps().size()) {
            log.info("Traffic shift of " + alias + " resumes: version " + version + " already has "
                    + new TrafficShift.Step(reached, null).percent() + " of the traffic");
        }
        // the canary event is recorded by the first step; a resumed shift has it already
        ReleaseHistory history = reached > 0 ? ReleaseHistory.parse(start.current().description()) : start.history();
        String revision = start.current().revisionId();
        log.info("Traffic shift of " + alias + " to version " + version + ": " + shift + ", " + steps.size()
                + " step(s) over " + shift.total().toSeconds() + " s"
                + (smokePayload == null ? "" : ", a smoke invocation before each"));
        for (int i = 0; i < steps.size(); i++) {
            TrafficShift.Step step = steps.get(i);
            String stepName = "step " + (i + 1) + " of " + steps.size() + " (" + step.percent() + ")";
            smoke(fn, alias, primary, version, smokePayload, stepName, history, revision);
            revision = send(fn, alias, primary, Map.of(version, step.weight()), history, revision, version);
            provisioned.awaitReady(fn, alias); // the hold starts once the canary's environments take its share
            log.info("Traffic shift of " + alias + ": " + step.percent() + " to version " + version + ", " + stepName
                    + "; holding " + step.hold().toMillis() + " ms");
            pause(step.hold().toMillis());
        }
        smoke(fn, alias, primary, version, smokePayload, "the final move (100%)", history, revision);
        ReleaseHistory promoted = history.with(aliases.event(Kind.PROMOTE, version, null, primary));
        UpdateAliasResponse done = aliases.update(fn, alias, version, Map.of(), promoted, revision);
        provisioned.awaitReady(fn, alias);
        log.info("Traffic shift of " + alias + " complete: all traffic to version " + version);
        return new AliasResult(alias, done.aliasArn(), version, Map.of(), primary, true);
    }

    private String send(String fn, String alias, String primary, Map<String, Double> weights, ReleaseHistory history,
                        String revision, String version) {
        try {
            return aliases.update(fn, alias, primary, weights, history, revision).revisionId();
        } catch (RuntimeException e) {
            throw stopped(fn, alias, primary, version, history, revision, "the alias update failed: " + e.getMessage(), e);
        }
    }

    private void smoke(String fn, String alias, String primary, String version, byte[] payload, String before,
                       ReleaseHistory history, String revision) {
        if (payload == null) {
            return;
        }
        long start = System.nanoTime();
        InvokeResult result;
        try {
            result = invoker.invoke(fn, version, payload);
        } catch (SdkException e) {
            throw stopped(fn, alias, primary, version, history, revision, "the smoke invocation of version " + version
                    + " before " + before + " could not run: " + e.getMessage(), e);
        }
        if (result.failed()) {
            throw stopped(fn, alias, primary, version, history, revision, "the smoke invocation of version " + version
                    + " before " + before + " failed (" + result.functionError() + "): " + result.payload(), null);
        }
        log.info("Smoke invocation of " + fn + ":" + version + " before " + before + ": ok in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /**
     * Puts all traffic back on {@code primary} and records the rollback (so that a redeploy with nothing changed
     * does not try the version again), then explains the failure.
     */
    private RuntimeException stopped(String fn, String alias, String primary, String version, ReleaseHistory history,
                                     String revision, String why, Exception cause) {
        String outcome;
        try {
            aliases.update(fn, alias, primary, Map.of(),
                    history.with(aliases.event(Kind.ROLLBACK, primary, null, version)), revision);
            outcome = "alias " + alias + " rolled back: all traffic on version " + primary;
        } catch (RuntimeException e) {
            outcome = "rolling alias " + alias + " back failed too (" + e.getMessage() + "): run lambda:rollback";
        }
        log.warn("Traffic shift of " + alias + " to version " + version + " stopped: " + outcome);
        String message = "Traffic shift of " + fn + ":" + alias + " to version " + version + " stopped, " + why + "; "
                + outcome + ". Fix the function and deploy again.";
        return cause == null ? new DeployRefusedException(message) : new DeployException(message, cause);
    }

    private void pause(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Traffic shift interrupted: the alias keeps its current weights; run the goal"
                    + " again to resume, or lambda:rollback", e);
        }
    }
}
