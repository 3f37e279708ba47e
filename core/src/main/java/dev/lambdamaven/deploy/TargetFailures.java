package dev.lambdamaven.deploy;

import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.Target;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the SDK's exceptions into the plugin's, each with a one-line message that names the fix: a missing
 * region or credentials, expired or invalid credentials, a denied permission, an endpoint that does not answer.
 * The SDK's own text (provider chain dumps included) goes to the debug log. Secret values that a service echoed
 * are masked; an exception whose text held one loses its cause, so no stack trace prints it either.
 */
final class TargetFailures {

    private TargetFailures() {}

    static RuntimeException translate(SdkException e, Target target, Collection<String> secrets, DeployLog log) {
        String detail = scrub(String.valueOf(e.getMessage()), secrets);
        log.debug("The AWS SDK reported: " + e.getClass().getName() + ": " + detail);
        boolean leaked = !detail.equals(String.valueOf(e.getMessage()));
        String text = detail.toLowerCase(Locale.ROOT);
        String where = where(target);
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
            String message = service.awsErrorDetails() == null ? detail
                    : scrub(String.valueOf(service.awsErrorDetails().errorMessage()), secrets);
            if (code.equals("ExpiredTokenException") || text.contains("security token included in the request is expired")) {
                return new DeployRefusedException(where + " rejected the credentials: they have expired. Refresh them:"
                        + " aws sso login" + profileFlag(target) + ", or new session credentials in the environment");
            }
            if (code.equals("UnrecognizedClientException") || code.equals("InvalidSignatureException")
                    || code.equals("InvalidClientTokenId") || text.contains("security token included in the request is invalid")) {
                return new DeployRefusedException(where + " rejected the credentials (" + code + "): check"
                        + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or -Dlambda.profile; aws sts get-caller-identity"
                        + " shows which identity they are");
            }
            Matcher layer = OTHER_ACCOUNTS_LAYER.matcher(message);
            if (!target.isAws() && code.equals("AccessDeniedException") && layer.find()) {
                return new DeployRefusedException(unpublishedLayer(where, target, layer));
            }
            if (code.equals("AccessDeniedException") || code.equals("AccessDenied") || service.statusCode() == 403) {
                return new DeployRefusedException(where + " denied the request: " + message + " Grant that permission to"
                        + " the identity the build runs as (its IAM role or user).");
            }
            String line = where + " rejected the request (" + code + ", HTTP " + service.statusCode() + "): " + message;
            return leaked ? new DeployException(line) : new DeployException(line, e);
        }
        if (text.contains("unable to load region")) {
            return new InvalidSpecException("region", null, "no AWS region for -Dlambda.target=aws: set"
                    + " -Dlambda.region=<region> (or <region> in the pom), the AWS_REGION environment variable, or a"
                    + " region in the profile (~/.aws/config)");
        }
        if (text.contains("sso session") || text.contains("sso token")) { // the SDK's words for an SSO login to renew
            return new DeployRefusedException("The SSO session" + profileName(target) + " has expired or was never"
                    + " started: run aws sso login" + profileFlag(target));
        }
        if (text.contains("unable to load credentials") || text.contains("profile file contained no credentials")
                || text.contains("no credentials")) {
            return new DeployRefusedException("No AWS credentials for -Dlambda.target=aws" + profileName(target)
                    + ": use -Dlambda.profile=<profile> (after aws sso login for an SSO profile), or set"
                    + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE); in CI, give the job a role (OIDC)");
        }
        if (text.contains("unable to execute http request") || text.contains("connect")) {
            String line = "Cannot reach " + where + ": " + firstLine(detail) + (target.endpoint() != null
                    ? ". Is it running? Check -Dlambda.endpoint" : ". Check the network and -Dlambda.region");
            return leaked ? new DeployException(line) : new DeployException(line, e);
        }
        String line = "The request to " + where + " failed: " + firstLine(detail);
        return leaked ? new DeployException(line) : new DeployException(line, e);
    }

    /** The layer version ARN in AWS's answer for a layer of another account that is not shared (or not there). */
    private static final Pattern OTHER_ACCOUNTS_LAYER = Pattern.compile("lambda:GetLayerVersion on resource: "
            + "(arn:[^:]+:lambda:([^:]+):(\\d{12}):layer:([^:]+):(\\d+))");

    /**
     * On the emulator a public layer (an AWS-published extension, a vendor's layer) exists only once published there
     * under its account: the answer says how.
     */
    private static String unpublishedLayer(String where, Target target, Matcher layer) {
        String aws = "aws --endpoint-url " + target.endpoint() + " --region " + layer.group(2) + " lambda ";
        return where + " has no layer version " + layer.group(1) + " that this account may use. A layer of another"
                + " account exists on the emulator only once published there under that account and shared: "
                + "AWS_ACCESS_KEY_ID=" + layer.group(3) + " " + aws + "publish-layer-version --layer-name "
                + layer.group(4) + " --zip-file fileb://<its zip> (until it is version " + layer.group(5) + "), then "
                + "AWS_ACCESS_KEY_ID=" + layer.group(3) + " " + aws + "add-layer-version-permission --layer-name "
                + layer.group(4) + " --version-number " + layer.group(5) + " --statement-id public --action"
                + " lambda:GetLayerVersion --principal '*' (see docs/layers.md, layers of other accounts)";
    }

    static String where(Target target) {
        return target.endpoint() != null ? (target.isAws() ? "the AWS endpoint " : "the emulator at ") + target.endpoint()
                : "AWS";
    }

    static String scrub(String message, Collection<String> secrets) {
        String result = message;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, SecretValue.MASK);
            }
        }
        return result;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String profileName(Target target) {
        return target.profile() == null ? "" : " (profile " + target.profile() + ")";
    }

    private static String profileFlag(Target target) {
        return target.profile() == null ? "" : " --profile " + target.profile();
    }
}
