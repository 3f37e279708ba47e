package dev.lambdamaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdamaven.config.InvalidSpecException;
import dev.lambdamaven.config.SecretValue;
import dev.lambdamaven.config.TransitKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

    @TempDir
    Path basedir;

    private SecretResolver resolver(Map<String, String> env) {
        return new SecretResolver(new Settings(), null, env::get, basedir);
    }

    @Test
    void environmentAndFileSourcesResolve() throws Exception {
        Files.writeString(basedir.resolve("key.txt"), "from-file\n");

        var values = resolver(Map.of("CI_TOKEN", "from-env"))
                .resolve(List.of(new Secret("TOKEN", "env:CI_TOKEN"), new Secret("KEY", "file:key.txt")), null);

        assertThat(values.get("TOKEN").reveal()).isEqualTo("from-env");
        assertThat(values.get("KEY").reveal()).isEqualTo("from-file");
        assertThat(values.toString()).doesNotContain("from-env", "from-file");
    }

    @Test
    void anEncryptedSettingsPasswordIsDecryptedTheMavenWay() throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = basedir.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>"
                + cipher.encryptAndDecorate("master-pass", "settings.security") + "</master></settingsSecurity>");
        Server server = new Server();
        server.setId("prod-db");
        server.setPassword(cipher.encryptAndDecorate("the-db-password", "master-pass"));
        Settings settings = new Settings();
        settings.addServer(server);
        SettingsDecrypter decrypter = new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(cipher, Map.of(), security.toString()));

        var values = new SecretResolver(settings, decrypter, name -> null, basedir)
                .resolve(List.of(new Secret("DB_PASSWORD", "settings:prod-db")), null);

        assertThat(server.getPassword()).startsWith("{");
        assertThat(values.get("DB_PASSWORD").reveal()).isEqualTo("the-db-password");
    }

    @Test
    void missingSourcesNameTheReferenceAndTheFix() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(List.of(new Secret("TOKEN", "env:CI_TOKEN")), null))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("<secrets/secret[TOKEN]/source> = 'env:CI_TOKEN'")
                .hasMessageContaining("export it");
        assertThatThrownBy(() -> resolver(Map.of()).resolve(List.of(new Secret("DB", "settings:prod-db")), null))
                .hasMessageContaining("settings.xml has no <server> with <id>prod-db</id>");
        assertThatThrownBy(() -> resolver(Map.of()).resolve(List.of(new Secret("KEY", "file:absent.txt")), null))
                .hasMessageContaining("absent.txt").hasMessageContaining("NoSuchFileException");
        assertThatThrownBy(() -> resolver(Map.of()).resolve(List.of(new Secret("KEY", "vault:x")), null))
                .hasMessageContaining("use settings:<server id in settings.xml>");
    }

    @Test
    void aNameDefinedTwiceIsRejected() {
        assertThatThrownBy(() -> resolver(Map.of("A", "1")).resolve(
                List.of(new Secret("TOKEN", "env:A"), new Secret("TOKEN", "env:A")), null))
                .hasMessageContaining("defined twice");
    }

    @Test
    void aSecretIsEncryptedInTransitWithItsOwnKeyElseWithTheFunctionsKey() {
        Map<String, SecretValue> values = resolver(Map.of("A", "1", "B", "2")).resolve(List.of(
                new Secret("OWN", "env:A", "alias/own"), new Secret("SHARED", "env:B")), "alias/all-secrets");

        assertThat(values.get("OWN").transitKey()).isEqualTo(new TransitKey("alias/own"));
        assertThat(values.get("SHARED").transitKey()).isEqualTo(new TransitKey("alias/all-secrets"));
        assertThat(resolver(Map.of("A", "1")).resolve(List.of(new Secret("PLAIN", "env:A")), null).get("PLAIN")
                .transitKey()).isNull();
    }

    @Test
    void aTransitKeyIsNamedAsKmsNamesKeysAndNeverAsAnAwsManagedKey() {
        for (String valid : List.of("1234abcd-12ab-34cd-56ef-1234567890ab", "alias/orders-secrets",
                "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:eu-west-1:111122223333:alias/orders")) {
            assertThat(resolver(Map.of("A", "1")).resolve(List.of(new Secret("S", "env:A", valid)), null).get("S")
                    .transitKey().keyId()).isEqualTo(valid);
        }
        assertThatThrownBy(() -> resolver(Map.of("A", "1")).resolve(List.of(new Secret("S", "env:A", "orders")), null))
                .hasMessageContaining("<secrets/secret[S]/encryptInTransit>").hasMessageContaining("orders")
                .hasMessageContaining("alias/orders-secrets");
        assertThatThrownBy(() -> resolver(Map.of("A", "1")).resolve(List.of(new Secret("S", "env:A")), "alias/aws/lambda"))
                .hasMessageContaining("<encryptSecretsInTransit>").hasMessageContaining("AWS managed key")
                .hasMessageContaining("aws kms create-key");
        assertThatThrownBy(() -> resolver(Map.of("A", "1")).resolve(List.of(new Secret("S", "env:A",
                "arn:aws:kms:eu-west-1:111122223333:key/not-a-key-id")), null))
                .hasMessageContaining("key ARN");
    }
}
