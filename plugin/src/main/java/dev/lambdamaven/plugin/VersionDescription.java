package dev.lambdamaven.plugin;

import dev.lambdamaven.config.InvalidSpecException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The description written on each published version, from the {@code versionDescription} template:
 * {@code {version}} is the project's version, {@code {commit}} the git commit ({@code +dirty} when tracked files
 * have uncommitted changes; {@code unknown} outside git), {@code {time}} the build's start in UTC. Braces rather
 * than {@code ${...}}, which Maven would resolve (or not) before the plugin sees the text.
 */
final class VersionDescription {

    static final String DEFAULT = "{version} ({commit})";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private VersionDescription() {}

    static String render(String template, String projectVersion, Optional<GitCommit> commit, Instant buildTime) {
        Map<String, String> values = Map.of(
                "version", projectVersion,
                "commit", commit.map(GitCommit::toString).orElse("unknown"),
                "time", buildTime.truncatedTo(ChronoUnit.SECONDS).toString());
        Matcher m = PLACEHOLDER.matcher(template == null ? DEFAULT : template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new InvalidSpecException("versionDescription", template, "unknown placeholder {" + m.group(1)
                        + "}: use {version}, {commit} or {time}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
