package dev.lambdamaven.deploy;

import java.util.List;
import java.util.Objects;

/**
 * What a deployment of one function would change: create it, upload code (hash old to new), update
 * configuration fields, change function-level settings (tags, reserved concurrency). Configuration and code
 * changes give a new version; function-level settings do not (they belong to the function, not to a version).
 * {@code leftAlone} is what {@code <authoritative>} would also change (settings the pom leaves out reset to
 * Lambda's defaults, tags removed) and, as it is off, is not changed.
 */
public record Plan(
        String functionName,
        boolean create,
        String deployedCodeSha256,
        String localCodeSha256,
        List<Change> configChanges,
        List<Change> functionChanges,
        List<Change> leftAlone) {

    public Plan {
        configChanges = List.copyOf(configChanges);
        functionChanges = List.copyOf(functionChanges);
        leftAlone = List.copyOf(leftAlone);
    }

    public Plan(String functionName, boolean create, String deployedCodeSha256, String localCodeSha256,
                List<Change> configChanges, List<Change> functionChanges) {
        this(functionName, create, deployedCodeSha256, localCodeSha256, configChanges, functionChanges, List.of());
    }

    public boolean codeChanged() {
        return !Objects.equals(deployedCodeSha256, localCodeSha256);
    }

    public boolean architectureChanged() {
        return changes(FunctionFields.ARCHITECTURE);
    }

    /** Whether the plan changes {@code field}. */
    boolean changes(FunctionField<?, ?> field) {
        return configChanges.stream().anyMatch(c -> c.setting().equals(field.name))
                || functionChanges.stream().anyMatch(c -> c.setting().equals(field.name));
    }

    /** Whether applying this plan gives the function a new version. */
    public boolean changesVersion() {
        return create || codeChanged() || !configChanges.isEmpty();
    }

    public boolean isEmpty() {
        return !changesVersion() && functionChanges.isEmpty();
    }
}
