package dev.lambdamaven.deploy;

/**
 * One field that differs, with both values already rendered for display: a secret's values are {@code ****}
 * from the moment the change is created, so no plan, log or report can leak them.
 */
public record Change(String field, String oldValue, String newValue) {

    public static final String NONE = "(none)";

    @Override
    public String toString() {
        return field + ": " + oldValue + " -> " + newValue;
    }
}
