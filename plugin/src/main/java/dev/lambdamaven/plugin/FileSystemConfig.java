package dev.lambdamaven.plugin;

import dev.lambdamaven.config.FileSystemSpec;

/** A {@code <fileSystemConfig>} of {@code <fileSystemConfigs>}: {@code <arn>} (EFS access point), {@code <localMountPath>}. */
public class FileSystemConfig {

    private String arn;
    private String localMountPath;

    FileSystemSpec toSpec() {
        return new FileSystemSpec(arn, localMountPath);
    }
}
