package dev.lambdamaven.deploy;

/**
 * The outcome of deploying one function: its ARN, the version that carries the build's code and configuration
 * ({@code null} in a dry run), the local CodeSha256, whether anything changed, and the plan that was applied.
 */
public record FunctionResult(String functionName, String functionArn, String version, String codeSha256,
                             boolean changed, Plan plan) {
}
