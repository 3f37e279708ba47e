package dev.lambdamaven.config;

import java.util.regex.Pattern;

/**
 * An Amazon EFS access point a function mounts: its ARN and the local mount path, which Lambda requires under
 * {@code /mnt/} (API reference, FileSystemConfig: {@code ^/mnt/[a-zA-Z0-9-_.]+$}, at most 160 characters; the ARN
 * {@code arn:aws[a-zA-Z-]*:elasticfilesystem:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}:\d{12}:access-point/fsap-[a-f0-9]{17}}).
 */
public record FileSystemSpec(String arn, String localMountPath) {

    public static final Pattern ACCESS_POINT_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:elasticfilesystem:"
            + "[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:access-point/fsap-[a-f0-9]{17}");
    public static final Pattern LOCAL_MOUNT_PATH = Pattern.compile("/mnt/[a-zA-Z0-9-_.]+");

    public FileSystemSpec {
        if (arn == null || arn.length() > 200 || !ACCESS_POINT_ARN.matcher(arn).matches()) {
            throw new InvalidSpecException("fileSystemConfigs/fileSystemConfig/arn", arn, "use an EFS access point"
                    + " ARN, arn:aws:elasticfilesystem:<region>:<12-digit account>:access-point/fsap-<17 hex digits>");
        }
        if (localMountPath == null || localMountPath.length() > 160
                || !LOCAL_MOUNT_PATH.matcher(localMountPath).matches()) {
            throw new InvalidSpecException("fileSystemConfigs/fileSystemConfig/localMountPath", localMountPath,
                    "use a directory directly under /mnt/ of letters, digits, - _ or ., such as /mnt/data");
        }
    }

    @Override
    public String toString() {
        return arn + " at " + localMountPath;
    }
}
