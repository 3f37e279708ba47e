package dev.lambdamaven.config;

/**
 * How to run a deployment: {@code dryRun} prints the plan and changes nothing; {@code failOnChange} (CI drift
 * check) fails when the plan is not empty; {@code s3Bucket} carries code above Lambda's direct upload limit;
 * {@code versionDescription} is written on each published version.
 */
public record DeployOptions(boolean dryRun, boolean failOnChange, String s3Bucket, String versionDescription) {

    public static final DeployOptions DEFAULTS = new DeployOptions(false, false, null, null);
}
