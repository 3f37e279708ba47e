package dev.lambdamaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void secretValuesPrintMasked() {
        SecretValue secret = SecretValue.of("hunter2");
        Environment env = new Environment(Map.of("MODE", "prod"), Map.of("PASSWORD", secret));

        assertThat(secret.toString()).isEqualTo("****");
        assertThat("" + secret).doesNotContain("hunter2");
        assertThat(env.toString()).isEqualTo("{MODE=prod, PASSWORD=****}");
        assertThat(env.revealAll()).containsEntry("PASSWORD", "hunter2");
    }

    @Test
    void reservedKeysAreNamed() {
        assertThatThrownBy(() -> new Environment(Map.of("AWS_REGION", "x", "OK_KEY", "y"),
                Map.of("_HANDLER", SecretValue.of("secret-handler"))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("<environment>").hasMessageContaining("AWS_REGION, _HANDLER")
                .hasMessageNotContaining("secret-handler").hasMessageNotContaining("OK_KEY");
    }

    @Test
    void malformedKeysAreNamed() {
        assertThatThrownBy(() -> new Environment(Map.of("1BAD", "x", "A-B", "y"), Map.of()))
                .hasMessageContaining("1BAD, A-B");
    }

    @Test
    void totalAboveFourKilobytesNamesTheLargestKeysButNoValue() {
        String big = "s".repeat(3000);
        assertThatThrownBy(() -> new Environment(Map.of("SMALL", "x", "BLOB", "p".repeat(1200)),
                Map.of("CERT", SecretValue.of(big))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("4214 bytes").hasMessageContaining("CERT (3004 bytes), BLOB (1204 bytes)")
                .hasMessageNotContaining("sss");
    }

    @Test
    void exactlyFourKilobytesIsAccepted() {
        assertThat(new Environment(Map.of("AB", "v".repeat(4094)), Map.of()).plain()).hasSize(1);
    }

    @Test
    void aKeyInBothPlainAndSecretsIsRejected() {
        assertThatThrownBy(() -> new Environment(Map.of("TOKEN", "x"), Map.of("TOKEN", SecretValue.of("y"))))
                .hasMessageContaining("TOKEN").hasMessageContaining("<secrets>");
    }

    @Test
    void secretSourcesParse() {
        assertThat(SecretSource.parse("secrets", "settings:prod-db"))
                .isEqualTo(new SecretSource(SecretSource.Kind.SETTINGS, "prod-db"));
        assertThat(SecretSource.parse("secrets", "env:API_KEY").kind()).isEqualTo(SecretSource.Kind.ENV);
        assertThat(SecretSource.parse("secrets", "file:/run/secrets/key").location()).isEqualTo("/run/secrets/key");
        assertThatThrownBy(() -> SecretSource.parse("secrets/secret/source", "vault:x"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("<secrets/secret/source>")
                .hasMessageContaining("settings:<server id");
    }

    @Test
    void specsValidateRangesAndNameTheElement() {
        FunctionSpec.Builder base = FunctionSpec.builder("fn", java.nio.file.Path.of("f.zip"))
                .handler("a.B::c").runtime("java21");
        assertThatThrownBy(() -> base.memorySize(64).build()).hasMessageContaining("<memorySize> = '64'")
                .hasMessageContaining("128 to 10240");
        assertThatThrownBy(() -> base.memorySize(null).architecture("arm").build())
                .hasMessageContaining("<architecture>");
        assertThatThrownBy(() -> new VpcSpec(java.util.List.of("subnet-0a1b2c3d"), null, false))
                .hasMessageContaining("<vpc/securityGroupIds>");
        assertThatThrownBy(() -> new AliasSpec("live", 1.0, null, null)).hasMessageContaining("<aliasWeight>");
        assertThat(new AliasSpec(null, null, null, null).name()).isEqualTo("live");
        assertThatThrownBy(() -> new LoggingSpec("Text", "WARN", null, null))
                .hasMessageContaining("<logging/logFormat> = 'Text'").hasMessageContaining("JSON");
        assertThatThrownBy(() -> new LoggingSpec("JSON", "LOUD", null, null))
                .hasMessageContaining("<logging/applicationLogLevel>");
    }
}
