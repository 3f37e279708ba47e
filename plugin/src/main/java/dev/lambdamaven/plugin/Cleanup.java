package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.CleanupPlan;
import org.apache.maven.plugin.logging.Log;

/** The closing line of a clean-up goal and its row in the summary table. */
final class Cleanup {

    private Cleanup() {}

    static void report(Log log, Reactor.Row row, String name, CleanupPlan plan, boolean dryRun) {
        int count = plan.deletions().size();
        log.info(plan.isEmpty() ? "Nothing to delete for " + name
                : dryRun ? "Dry run: " + count + " resource(s) of " + name + " would be deleted; nothing was deleted"
                : "Deleted " + count + " resource(s) of " + name);
        row.name = name;
        row.changed = !plan.isEmpty() && !dryRun;
    }
}
