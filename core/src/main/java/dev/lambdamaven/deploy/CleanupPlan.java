package dev.lambdamaven.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a clean-up goal would delete and keep, and why, worked out from reads only. {@code subject} names the
 * function or layer; {@code missing} means there is nothing to clean up.
 */
public record CleanupPlan(String subject, boolean missing, List<Item> items) {

    /** A function URL, alias, version, the function itself, or a layer version. */
    public enum What {
        FUNCTION_URL("function URL"), ALIAS("alias"), VERSION("version"), FUNCTION("function"),
        LAYER_VERSION("layer version");

        private final String label;

        What(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One resource: {@code delete} it or keep it, with the reason. {@code qualifier} is the alias a function URL
     * belongs to ({@code null}: the function itself).
     */
    public record Item(What what, String id, String qualifier, boolean delete, String reason) {

        Item(What what, String id, boolean delete, String reason) {
            this(what, id, null, delete, reason);
        }

        String line() {
            return "  " + (delete ? "delete " : "keep   ") + what.label + " " + id + (reason == null ? "" : " (" + reason + ")");
        }
    }

    public CleanupPlan {
        items = List.copyOf(items);
    }

    public List<Item> deletions() {
        return items.stream().filter(Item::delete).toList();
    }

    public boolean isEmpty() {
        return deletions().isEmpty();
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (missing) {
            lines.add(subject + ": does not exist on the target, nothing to delete");
            return lines;
        }
        long kept = items.size() - deletions().size();
        lines.add(subject + ": " + (isEmpty() ? "nothing to delete" : deletions().size() + " to delete")
                + (kept > 0 ? ", " + kept + " kept" : ""));
        items.forEach(i -> lines.add(i.line()));
        return lines;
    }
}
