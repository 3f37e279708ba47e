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
        } else {
            lines.add("Function " + plan.functionName() + ": " + (plan.create() ? "create" : "update")
                    + (plan.changesVersion() ? " (new version)" : " (function settings only, no new version)"));
            if (plan.codeChanged()) {
                lines.add("  code: " + (plan.deployedCodeSha256() == null ? Change.NONE : plan.deployedCodeSha256())
                        + " -> " + plan.localCodeSha256());
            }
            plan.configChanges().forEach(c -> lines.add("  " + c));
            plan.functionChanges().forEach(c -> lines.add("  " + c));
        }
        leftAlone(plan.leftAlone(), lines);
        return lines;
    }

    /** What {@code <authoritative>} would change besides, shown while it is off. */
    static void leftAlone(List<Change> leftAlone, List<String> lines) {
        if (!leftAlone.isEmpty()) {
            lines.add("  left alone, not in the pom (<authoritative>true</authoritative> would change them):");
            leftAlone.forEach(c -> lines.add("    " + c));
        }
    }
}
