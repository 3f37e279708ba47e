package dev.lambdamaven.deploy;

/**
 * One field that differs, with both values already rendered for display: a secret's values are {@code ****}
 * from the moment the change is created, so no plan, log or report can leak them. {@code field} is the setting's
 * name ({@link FunctionField#name}), followed by {@code .key} for one entry of a map or a part of a setting
 * ({@code environment.TABLE}, {@code logging.logFormat}).
 */
public record Change(String field, String oldValue, String newValue) {

    public static final String NONE = "(none)";

    /** The setting this change belongs to: {@code environment} for {@code environment.TABLE}. */
    public String setting() {
        int dot = field.indexOf('.');
        return dot < 0 ? field : field.substring(0, dot);
    }

    @Override
    public String toString() {
        return field + ": " + oldValue + " -> " + newValue;
    }
}
