package dev.lambdamaven.plugin;

import dev.lambdamaven.config.PermissionSpec;

/**
 * A {@code <permission>} of {@code <permissions>}: {@code <statementId>}, {@code <principal>}, {@code <action>}
 * (default {@code lambda:InvokeFunction}, {@code lambda:InvokeFunctionUrl} with a {@code <functionUrlAuthType>}),
 * {@code <sourceArn>}, {@code <sourceAccount>}, {@code <functionUrlAuthType>}, and {@code <onAlias>} (true: on the
 * alias, as a function URL of the alias needs; default: on the function).
 */
public class Permission {

    private String statementId;
    private String principal;
    private String action;
    private String sourceArn;
    private String sourceAccount;
    private String functionUrlAuthType;
    private boolean onAlias;

    PermissionSpec toSpec() {
        return new PermissionSpec(statementId, principal, action, sourceArn, sourceAccount, functionUrlAuthType, onAlias);
    }
}
