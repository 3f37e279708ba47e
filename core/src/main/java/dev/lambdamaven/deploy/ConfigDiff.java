package dev.lambdamaven.deploy;

import dev.lambdamaven.config.FunctionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the wanted function with the deployed one, field by field of {@link FunctionFields#ALL}, into a
 * {@link Plan}. Pure: no service calls, so every rule here is unit tested.
 */
public final class ConfigDiff {

    private ConfigDiff() {}

    /** The plan for {@code wanted}; {@code deployed} is null when the function does not exist yet. */
    public static Plan between(FunctionSpec wanted, String localCodeSha256, DeployedFunction deployed) {
        List<Change> config = new ArrayList<>();
        List<Change> functionLevel = new ArrayList<>();
        List<Change> resets = new ArrayList<>();
        for (FunctionField<?, ?> field : FunctionFields.ALL) {
            List<Change> changes = field.kind == FunctionField.Kind.FUNCTION ? functionLevel : config;
            changes.addAll(field.changes(wanted, deployed));
            (wanted.authoritative() ? changes : resets).addAll(field.resets(wanted, deployed));
        }
        return new Plan(wanted.functionName(), deployed == null, deployed == null ? null : deployed.codeSha256(),
                localCodeSha256, config, functionLevel, resets);
    }
}
