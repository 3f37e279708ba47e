package dev.lambdamaven.deploy;

/** Where the deployer reports progress; the plugin adapts Maven's log, tests collect lines. */
public interface DeployLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A log that drops everything. */
    DeployLog SILENT = new DeployLog() {
        @Override public void info(String message) {}
        @Override public void warn(String message) {}
        @Override public void debug(String message) {}
    };
}
