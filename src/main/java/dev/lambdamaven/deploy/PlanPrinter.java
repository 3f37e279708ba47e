package dev.lambdamaven.deploy;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link Plan} as log lines: one line per changed field, {@code field: old -> new}. */
public final class PlanPrinter {

    private PlanPrinter() {}

    public static List<String> lines(Plan plan) {
        List<String> lines = new ArrayList<>();
        if (plan.isEmpty()) {
            lines.add("Function " + plan.functionName() + ": no changes");
            return lines;
        }
        lines.add("Function " + plan.functionName() + ": " + (plan.create() ? "create" : "update")
                + (plan.changesVersion() ? " (new version)" : " (function settings only, no new version)"));
        if (plan.codeChanged()) {
            lines.add("  code: " + (plan.deployedCodeSha256() == null ? Change.NONE : plan.deployedCodeSha256())
                    + " -> " + plan.localCodeSha256());
        }
        plan.configChanges().forEach(c -> lines.add("  " + c));
        plan.functionChanges().forEach(c -> lines.add("  " + c));
        return lines;
    }
}
