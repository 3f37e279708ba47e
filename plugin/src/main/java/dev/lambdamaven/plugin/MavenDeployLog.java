package dev.lambdamaven.plugin;

import dev.lambdamaven.deploy.DeployLog;
import org.apache.maven.plugin.logging.Log;

/** The deployer's log on Maven's. */
final class MavenDeployLog implements DeployLog {

    private final Log log;

    MavenDeployLog(Log log) {
        this.log = log;
    }

    @Override public void info(String message) { log.info(message); }
    @Override public void warn(String message) { log.warn(message); }
    @Override public void debug(String message) { log.debug(message); }
}
