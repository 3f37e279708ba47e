package dev.lambdamaven.deploy;

import java.util.List;
import java.util.Objects;

/**
 * What a deployment of one function would change: create it, upload code (hash old to new), update
 * configuration fields, change function-level settings (tags, reserved concurrency). Configuration and code
 * changes give a new version; function-level settings do not (they belong to the function, not to a version).
 */
public record Plan(
        String functionName,
        boolean create,
        String deployedCodeSha256,
        String localCodeSha256,
        List<Change> configChanges,
        List<Change> functionChanges) {

    public Plan {
        configChanges = List.copyOf(configChanges);
        functionChanges = List.copyOf(functionChanges);
    }

    public boolean codeChanged() {
        return !Objects.equals(deployedCodeSha256, localCodeSha256);
    }

    public boolean architectureChanged() {
        return configChanges.stream().anyMatch(c -> c.field().equals("architecture"));
    }

    /** Whether applying this plan gives the function a new version. */
    public boolean changesVersion() {
        return create || codeChanged() || !configChanges.isEmpty();
    }

    public boolean isEmpty() {
        return !changesVersion() && functionChanges.isEmpty();
    }
}
