package dev.lambdamaven.config;

/**
 * How to run a deployment: {@code dryRun} prints the plan and changes nothing; {@code failOnChange} (CI drift
 * check) fails when the plan is not empty; {@code s3Bucket} carries code above Lambda's direct upload limit;
 * {@code versionDescription} is written on each published version; {@code vpcChecked} is a VPC configuration
 * whose preflight already passed in this build (configure-vpc), so it is not checked again.
 */
public record DeployOptions(boolean dryRun, boolean failOnChange, String s3Bucket, String versionDescription,
                            VpcSpec vpcChecked) {

    public static final DeployOptions DEFAULTS = new DeployOptions(false, false, null, null, null);

    public DeployOptions {
        if (versionDescription != null && versionDescription.length() > FunctionSpec.MAX_DESCRIPTION) {
            throw new InvalidSpecException("versionDescription", versionDescription.length() + " characters",
                    "Lambda allows " + FunctionSpec.MAX_DESCRIPTION + " for a version's description; shorten the"
                            + " template");
        }
    }
}
