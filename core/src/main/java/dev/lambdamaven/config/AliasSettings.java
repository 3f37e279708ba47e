package dev.lambdamaven.config;

import java.util.List;

/**
 * What belongs to the alias rather than to a version: provisioned concurrency (environments of the alias's version
 * started ahead), its function URL, its asynchronous invocation settings and the statements of its own policy. Each
 * {@code null} is not managed (left alone), unless {@code authoritative}: then it is removed.
 * {@code provisionedConcurrency} 0 removes the alias's provisioned concurrency.
 */
public record AliasSettings(Integer provisionedConcurrency, FunctionUrlSpec functionUrl, EventInvokeSpec asyncInvoke,
                            List<PermissionSpec> permissions, boolean authoritative) {

    public static final AliasSettings NONE = new AliasSettings(null, null, null, null, false);

    public AliasSettings {
        if (provisionedConcurrency != null && provisionedConcurrency < 0) {
            throw new InvalidSpecException("provisionedConcurrency", provisionedConcurrency, "use the number of"
                    + " environments to keep ready, 1 or more (0 removes the alias's provisioned concurrency)");
        }
        permissions = permissions == null ? null : List.copyOf(permissions);
    }

    /** The rules that tie the alias's settings to the function's, checked before any call. */
    public void checkWith(FunctionSpec function) {
        if (provisionedConcurrency != null && provisionedConcurrency > 0 && "PublishedVersions".equals(function.snapStart())) {
            // https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html: "SnapStart does not support provisioned concurrency"
            throw new InvalidSpecException("provisionedConcurrency", provisionedConcurrency, "SnapStart does not"
                    + " support provisioned concurrency: drop one of <provisionedConcurrency> and <snapStart>");
        }
        if (function.reservedConcurrency() != null && provisionedConcurrency != null
                && provisionedConcurrency > function.reservedConcurrency()) {
            throw new InvalidSpecException("provisionedConcurrency", provisionedConcurrency, "Lambda refuses more"
                    + " provisioned than reserved concurrency (<reservedConcurrency> is " + function.reservedConcurrency()
                    + ")");
        }
    }

    /** Whether any setting is managed (set, or {@code authoritative}). */
    public boolean manages() {
        return authoritative || provisionedConcurrency != null || functionUrl != null || asyncInvoke != null
                || permissions != null;
    }

    /** Whether a public URL has the statement that lets anyone call it. */
    public boolean publicUrlWithoutPermission() {
        return functionUrl != null && functionUrl.authType().equals("NONE") && (permissions == null || permissions
                .stream().noneMatch(p -> p.principal().equals("*") && "NONE".equals(p.functionUrlAuthType())));
    }
}
