package dev.lambdamaven.plugin;

import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.SecretSource;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.TransitKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Resolves {@code <secrets>} to values: a settings.xml server's password (decrypted the Maven way, so
 * {@code mvn --encrypt-password} values work), an environment variable of the build, or a file's content.
 * Error messages name the reference, never a value.
 */
final class SecretResolver {

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Function<String, String> environment;
    private final Path basedir;

    SecretResolver(Settings settings, SettingsDecrypter decrypter, Function<String, String> environment, Path basedir) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
        this.basedir = basedir;
    }

    /**
     * The secrets' values; each one encrypted in transit with its {@code <encryptInTransit>} key, else with
     * {@code encryptAllWith} ({@code <encryptSecretsInTransit>}) when that is set.
     */
    Map<String, SecretValue> resolve(List<Secret> secrets, String encryptAllWith) {
        Map<String, SecretValue> values = new TreeMap<>();
        if (secrets == null) {
            return values;
        }
        TransitKey all = encryptAllWith == null || encryptAllWith.isBlank() ? null
                : TransitKey.parse("encryptSecretsInTransit", encryptAllWith);
        for (Secret secret : secrets) {
            if (secret.name() == null || secret.name().isBlank()) {
                throw new InvalidSpecException("secrets/secret/name", null, "name the environment variable");
            }
            String element = "secrets/secret[" + secret.name() + "]/";
            SecretSource source = SecretSource.parse(element + "source", secret.source());
            TransitKey key = secret.encryptInTransit() == null || secret.encryptInTransit().isBlank() ? all
                    : TransitKey.parse(element + "encryptInTransit", secret.encryptInTransit());
            if (values.put(secret.name(), SecretValue.of(value(secret.name(), source), key)) != null) {
                throw new InvalidSpecException("secrets/secret/name", secret.name(), "defined twice: keep one");
            }
        }
        return values;
    }

    private String value(String name, SecretSource source) {
        String element = "secrets/secret[" + name + "]/source";
        return switch (source.kind()) {
            case SETTINGS -> fromSettings(element, source.location());
            case ENV -> {
                String value = environment.apply(source.location());
                if (value == null) {
                    throw new InvalidSpecException(element, source, "the build has no environment variable "
                            + source.location() + ": export it (in CI, map the secret to it)");
                }
                yield value;
            }
            case FILE -> fromFile(element, source);
        };
    }

    private String fromSettings(String element, String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new InvalidSpecException(element, "settings:" + serverId, "settings.xml has no <server> with"
                    + " <id>" + serverId + "</id>: add one with the value as <password> (encrypt it with"
                    + " mvn --encrypt-password)");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new InvalidSpecException(element, "settings:" + serverId, "cannot decrypt the server's"
                        + " password (" + problem.getMessage() + "): check ~/.m2/settings-security.xml");
            }
        }
        String password = result.getServer().getPassword();
        if (password == null) {
            throw new InvalidSpecException(element, "settings:" + serverId, "the <server> has no <password>");
        }
        return password;
    }

    private String fromFile(String element, SecretSource source) {
        Path file = basedir.resolve(source.location());
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException e) {
            throw new InvalidSpecException(element, source, "cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "): create it or fix the path");
        }
    }
}
