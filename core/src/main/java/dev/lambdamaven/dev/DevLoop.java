package dev.lambdamaven.dev;

import dev.lambdamaven.config.FunctionSpec;
import dev.lambdamaven.deploy.DeployLog;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.InvokeResult;
import dev.lambdamaven.deploy.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code lambda:dev}: rebuild on every change of the sources, update the function's {@code $LATEST} where it
 * differs (code, or configuration at the first round), and, given an event, invoke it. A build that fails is
 * reported and changes nothing: the function keeps running the last code that built. Every round logs how long
 * the change took to go live.
 */
public final class DevLoop {

    /** The version the loop deploys to and invokes. */
    public static final String LATEST = "$LATEST";

    private final SourceWatcher watcher;
    private final DevBuild build;
    private final Function<Path, FunctionSpec> spec;
    private final Deployer deployer;
    private final byte[] event;
    private final DeployLog log;
    private final Duration poll;

    /**
     * @param spec  the function, given the zip just built
     * @param event the event to invoke with after each update, or {@code null} to only update
     */
    public DevLoop(SourceWatcher watcher, DevBuild build, Function<Path, FunctionSpec> spec, Deployer deployer,
            byte[] event, DeployLog log, Duration poll) {
        this.watcher = watcher;
        this.build = build;
        this.spec = spec;
        this.deployer = deployer;
        this.event = event;
        this.log = log;
        this.poll = poll;
    }

    /** Builds and deploys once, then after every change, until {@code stopped}. */
    public void run(BooleanSupplier stopped) throws InterruptedException {
        round("start");
        log.info("Watching for changes; Ctrl-C stops.");
        while (!stopped.getAsBoolean()) {
            Set<Path> changed = watcher.awaitChanges(poll, stopped);
            if (!changed.isEmpty()) {
                round(changed.size() == 1 ? changed.iterator().next().getFileName().toString()
                        : changed.size() + " files");
            }
        }
    }

    /** One rebuild and update; returns whether the new code is live. */
    public boolean round(String cause) {
        long start = System.nanoTime();
        Path zip;
        try {
            zip = build.build();
        } catch (DevBuild.BuildFailure e) {
            log.warn(e.getMessage());
            log.warn("Not deployed: " + LATEST + " keeps the last code that built. Fix it and save again.");
            return false;
        } catch (IOException e) {
            log.warn("Cannot rebuild: " + e.getMessage());
            return false;
        }
        long built = System.nanoTime();
        FunctionSpec function = spec.apply(zip);
        try {
            Plan plan = deployer.deployLatest(function, null);
            long live = System.nanoTime();
            log.info((plan.isEmpty() ? "No change to deploy" : "Live") + " (" + cause + "): " + function.functionName()
                    + ":" + LATEST + " in " + ms(live - start) + " ms (build " + ms(built - start) + " ms, update "
                    + ms(live - built) + " ms)");
            if (event != null) {
                InvokeResult result = deployer.invoke(function.functionName(), null, event);
                log.info("Invoked " + function.functionName() + ":" + LATEST
                        + (result.failed() ? ", function error " + result.functionError() : "") + " in "
                        + ms(System.nanoTime() - live) + " ms: " + result.payload());
            }
            return true;
        } catch (RuntimeException e) {
            // a service or configuration error ends this round, not the loop: the next save tries again
            log.warn("Not deployed: " + e.getMessage());
            return false;
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
