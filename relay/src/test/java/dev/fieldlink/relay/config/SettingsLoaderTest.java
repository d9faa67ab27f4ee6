package dev.fieldlink.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void noConfigAtAll_givesLoopbackDefaultsWithEmbeddedH2InRelayData() {
        RelaySettings s = SettingsLoader.load(null, Map.of());
        assertThat(s.dataDir()).isEqualTo(Path.of("relay-data").toAbsolutePath());
        assertThat(s.http().host()).isEqualTo("127.0.0.1");
        assertThat(s.http().port()).isEqualTo(8443);
        assertThat(s.ssh().port()).isEqualTo(8022);
        assertThat(s.db().url()).startsWith("jdbc:h2:file:" + s.dataDir().resolve("relay"));
        assertThat(s.http().maxBodySize().bytes()).isEqualTo(64 * 1024);
        assertThat(s.sessions().consentTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.ssh().authTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.http().generateTls()).isTrue();
        assertThat(s.auth().totpKeyFile()).isEqualTo(s.dataDir().resolve("totp.key"));
        assertThat(s.auth().passwordHashing()).isEqualTo(PasswordHashing.STANDARD);
    }

    @Test
    void yamlValues_areRead_andEnvironmentOverridesThem() throws IOException {
        Path f = write("""
                dataDir: %s
                http:
                  port: 9443
                  maxBodySize: 128KiB
                db:
                  url: jdbc:postgresql://db.example/relay
                  user: relay
                sessions:
                  consentTimeout: 90s
                recordings:
                  retention: 30d
                """.formatted(dir.resolve("data")));
        RelaySettings s = SettingsLoader.load(
                f, Map.of("FIELDLINK_HTTP_PORT", "10443", "FIELDLINK_DB_URL", "jdbc:postgresql://other/relay"));
        assertThat(s.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(s.http().port()).isEqualTo(10443);
        assertThat(s.http().maxBodySize().bytes()).isEqualTo(128 * 1024);
        assertThat(s.db().url()).isEqualTo("jdbc:postgresql://other/relay");
        assertThat(s.db().user()).isEqualTo("relay");
        assertThat(s.sessions().consentTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.recordings().retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void environmentVariableNames_followTheKeys() {
        assertThat(SettingsLoader.envName("db.url")).isEqualTo("FIELDLINK_DB_URL");
        assertThat(SettingsLoader.envName("sessions.consentTimeout")).isEqualTo("FIELDLINK_SESSIONS_CONSENT_TIMEOUT");
        assertThat(SettingsLoader.keysAndEnvironmentVariables()).containsEntry("dataDir", "FIELDLINK_DATA_DIR");
    }

    @Test
    void metricsToken_comesFromTheEnvironmentOrAnOwnerOnlyFile_isOffByDefault_andMustBeLong() throws IOException {
        assertThat(SettingsLoader.load(null, Map.of()).http().metricsToken()).isNull();
        String token = "6f1c2d9e8a7b4c3d2e1f0a9b8c7d6e5f";
        RelaySettings fromEnv = SettingsLoader.load(null, Map.of(SettingsLoader.ENV_METRICS_TOKEN, token));
        assertThat(fromEnv.http().metricsToken().reveal()).isEqualTo(token);
        assertThat(fromEnv.http().metricsToken().toString()).doesNotContain(token);

        Path tokenFile = dir.resolve("metrics.token");
        Files.writeString(tokenFile, token + "\n");
        Path f = write("http:\n  metricsTokenFile: " + tokenFile + "\n");
        assertThatThrownBy(() -> SettingsLoader.load(f, Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("http.metricsTokenFile");
        Files.setPosixFilePermissions(tokenFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(SettingsLoader.load(f, Map.of()).http().metricsToken().reveal())
                .isEqualTo(token);

        assertThatThrownBy(() -> SettingsLoader.load(null, Map.of(SettingsLoader.ENV_METRICS_TOKEN, "short")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("at least 24 characters")
                .hasMessageNotContaining("short");
        Path inFile = write("http:\n  metricsToken: " + token + "\n");
        assertThatThrownBy(() -> SettingsLoader.load(inFile, Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(SettingsLoader.ENV_METRICS_TOKEN)
                .hasMessageNotContaining(token);
    }

    @Test
    void unknownKey_isRefusedWithItsName() throws IOException {
        Path f = write("http:\n  prot: 9443\n");
        assertThatThrownBy(() -> SettingsLoader.load(f, Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("http.prot")
                .hasMessageContaining("unknown setting");
    }

    @Test
    void secretInTheFile_isRefusedAndTheMessageSaysWhereItBelongs() throws IOException {
        Path f = write("db:\n  password: hunter2hunter2\n");
        assertThatThrownBy(() -> SettingsLoader.load(f, Map.of()))
                .hasMessageContaining("FIELDLINK_DB_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void passwordFile_mustBeOwnerOnly_andIsNeverShown() throws IOException {
        Path secret = dir.resolve("db.pw");
        Files.writeString(secret, "s3cret-db-password\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Path f = write("db:\n  passwordFile: " + secret + "\n");
        assertThatThrownBy(() -> SettingsLoader.load(f, Map.of())).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        RelaySettings s = SettingsLoader.load(f, Map.of());
        assertThat(s.db().password().reveal()).isEqualTo("s3cret-db-password");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void secretsFromTheEnvironment_areTaken() {
        RelaySettings s =
                SettingsLoader.load(null, Map.of("FIELDLINK_DB_PASSWORD", "pw-from-env", "FIELDLINK_TOTP_KEY", "a2V5"));
        assertThat(s.db().password().reveal()).isEqualTo("pw-from-env");
        assertThat(s.auth().totpKey().reveal()).isEqualTo("a2V5");
    }

    @Test
    void malformedValues_nameTheKeyAndTheAcceptedForms() throws IOException {
        assertThatThrownBy(() -> SettingsLoader.load(write("sessions:\n  consentTimeout: soon\n"), Map.of()))
                .hasMessageContaining("sessions.consentTimeout")
                .hasMessageContaining("2m");
        assertThatThrownBy(() -> SettingsLoader.load(write("http:\n  port: 70000\n"), Map.of()))
                .hasMessageContaining("http.port must be between 0 and 65535");
        assertThatThrownBy(() -> SettingsLoader.load(null, Map.of("FIELDLINK_SSH_PORT", "ssh")))
                .hasMessageContaining("FIELDLINK_SSH_PORT")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> SettingsLoader.load(write("auth:\n  passwordHashing: weak\n"), Map.of()))
                .hasMessageContaining("standard, test");
    }

    @Test
    void durationsAndSizes_parseTheirShortForms() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(DataSize.parse("8MiB").bytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(DataSize.parse("65536").bytes()).isEqualTo(65536);
        assertThatThrownBy(() -> DataSize.parse("lots")).hasMessageContaining("64KiB");
    }

    @Test
    void tickLongerThanHalfASecond_isRefused_soExpiryClosesWithinASecond() {
        assertThatThrownBy(() ->
                        RelaySettings.builder().tick(Duration.ofSeconds(1)).build())
                .hasMessageContaining("sessions.tick");
    }

    private Path write(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "relay", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
