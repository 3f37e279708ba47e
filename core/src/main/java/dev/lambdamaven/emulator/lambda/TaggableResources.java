package dev.lambdamaven.emulator.lambda;

import dev.lambdamaven.emulator.http.ApiException;
import dev.lambdamaven.emulator.http.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resources besides functions that take tags: event source mappings and code signing configs. */
final class TaggableResources {

    /** AWS's pattern for a taggable resource, as it prints it. */
    static final String RESOURCE_PATTERN = "arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-"
            + "\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|"
            + "code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)";
    private static final Pattern KIND = Pattern.compile("arn:[^:]*:lambda:([^:]*):([^:]*):"
            + "(event-source-mapping|code-signing-config):(.*)");

    private final LambdaContext ctx;

    TaggableResources(LambdaContext ctx) {
        this.ctx = ctx;
    }

    /**
     * {@code arn} when it names an existing mapping or config of the caller's account and region, {@code null} when
     * it names neither kind (a function, say); else AWS's error.
     */
    String existing(Connection c, Scope scope, String arn) throws SQLException {
        Matcher m = KIND.matcher(arn);
        if (!m.matches()) {
            return null;
        }
        if (!Pattern.compile(RESOURCE_PATTERN).matcher(arn).matches()) {
            throw ApiException.validation(arn, "resource", "Member must satisfy regular expression pattern: "
                    + RESOURCE_PATTERN);
        }
        boolean here = m.group(1).equals(scope.region()) && m.group(2).equals(scope.account());
        if (m.group(3).equals("event-source-mapping")) {
            if (!here || ctx.eventSourceMappings().find(c, scope, m.group(4))
                    .filter(mapping -> !mapping.state().equals("Deleted")).isEmpty()) {
                throw ApiException.notFound("Event source mapping not found: " + arn);
            }
        } else if (!here || ctx.codeSigning().find(c, scope, m.group(4)).isEmpty()) {
            throw CodeSigningHandler.notFound(arn);
        }
        return arn;
    }
}
