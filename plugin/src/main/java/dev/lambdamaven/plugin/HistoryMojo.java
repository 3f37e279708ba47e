package dev.lambdamaven.plugin;

import dev.lambdamaven.config.AliasSpec;
import dev.lambdamaven.deploy.Deployer;
import dev.lambdamaven.deploy.HistoryEntry;
import dev.lambdamaven.deploy.TextTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the alias's release history as a table, oldest first: when, what (release, canary, promote,
 * rollback), to which version from which, whether the move is still in effect, and each version's description
 * (its project version and commit). The history is kept on the target, so any machine shows the same. Skip it
 * with {@code -Dlambda.history.skip}.
 */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends AbstractNamedFunctionMojo {

    /** The alias whose history to print. */
    @Parameter(property = PropertyNames.ALIAS, defaultValue = AliasSpec.DEFAULT_NAME)
    private String alias;

    @Override
    protected boolean inSummary() {
        return false;
    }

    @Override
    protected void deploy() {
        List<HistoryEntry> entries;
        try (Deployer deployer = openDeployer(resolveTarget())) {
            entries = deployer.history(functionName, alias);
        }
        if (entries.isEmpty()) {
            getLog().info("Release history of " + functionName + ":" + alias + ": none recorded yet");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (HistoryEntry e : entries) {
            rows.add(List.of(String.valueOf(e.number()), e.time().toString(), e.action(), e.version(),
                    e.from() == null ? "-" : e.from(), e.weight() == null ? "-" : e.weight(),
                    e.state(), e.versionDescription() == null ? "" : e.versionDescription()));
        }
        getLog().info("Release history of " + functionName + ":" + alias + " (oldest first)");
        TextTable.render(List.of("#", "time (UTC)", "action", "version", "from", "weight", "state",
                "version description"), rows).forEach(getLog()::info);
    }
}
