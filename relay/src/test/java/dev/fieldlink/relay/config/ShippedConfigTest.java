package dev.fieldlink.relay.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code relay.yaml} the relay distribution ships ({@code installers/src/packaging/relay/conf/relay.yaml}) lists
 * every setting, commented out, with its environment variable and its default; uncommented, it is a valid
 * configuration whose values are the defaults except the few marked as examples.
 */
class ShippedConfigTest {
    static final Path SHIPPED = Path.of(System.getProperty("fieldlink.root", ".."))
            .resolve("installers/src/packaging/relay/conf/relay.yaml");
    static final Path SERVICE_DATA = Path.of("/var/lib/fieldlink-relay");
    /** A commented setting: {@code   # key: value}. */
    static final Pattern SETTING = Pattern.compile("^(\\s*)# ([a-zA-Z]+): (.+)$");

    static final Pattern SECTION = Pattern.compile("^([a-zA-Z]+):\\s*$");

    @TempDir
    Path dir;

    @Test
    void asShipped_itIsTheDefaults_withTheServiceDataDirectory() {
        RelaySettings shipped = SettingsLoader.load(SHIPPED, Map.of());
        assertThat(shipped)
                .isEqualTo(RelaySettings.builder().dataDir(SERVICE_DATA).build());
    }

    @Test
    void everySetting_isListed_once_withItsEnvironmentVariable() throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED);
        Set<String> listed = new LinkedHashSet<>();
        List<String> twice = new ArrayList<>();
        String section = "";
        for (String line : lines) {
            Matcher sec = SECTION.matcher(line);
            if (sec.matches()) {
                section = sec.group(1) + ".";
                continue;
            }
            Matcher m = SETTING.matcher(line);
            if (m.matches() && !listed.add((m.group(1).isEmpty() ? "" : section) + m.group(2))) {
                twice.add(m.group(2));
            }
            if (line.startsWith("dataDir:")) {
                listed.add("dataDir");
            }
        }
        assertThat(twice).as("settings listed twice").isEmpty();
        Map<String, String> keys = SettingsLoader.keysAndEnvironmentVariables();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(keys.keySet());
        String text = String.join("\n", lines);
        for (String env : keys.values()) {
            assertThat(text).as(env).contains(env);
        }
        assertThat(text)
                .contains(
                        SettingsLoader.ENV_DB_PASSWORD, SettingsLoader.ENV_TOTP_KEY, SettingsLoader.ENV_METRICS_TOKEN);
    }

    @Test
    void uncommented_isValid_andShowsTheDefaults_exceptTheMarkedExamples() throws IOException {
        Path password = dir.resolve("db.password");
        Files.writeString(password, "secret");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path metricsToken = dir.resolve("metrics.token");
        Files.writeString(metricsToken, "an-example-scrape-token-of-32-chars");
        Files.setPosixFilePermissions(metricsToken, PosixFilePermissions.fromString("rw-------"));
        StringBuilder all = new StringBuilder();
        for (String line : Files.readAllLines(SHIPPED)) {
            Matcher m = SETTING.matcher(line);
            if (m.matches()) {
                String value = switch (m.group(2)) {
                    case "passwordFile" -> password.toString();
                    case "metricsTokenFile" -> metricsToken.toString();
                    default -> m.group(3);
                };
                line = m.group(1) + m.group(2) + ": " + value;
            }
            all.append(line).append('\n');
        }
        Path uncommented = dir.resolve("relay.yaml");
        Files.writeString(uncommented, all);

        RelaySettings s = SettingsLoader.load(uncommented, Map.of());
        RelaySettings defaults = SettingsLoader.load(SHIPPED, Map.of());
        assertThat(s.sessions()).isEqualTo(defaults.sessions());
        assertThat(s.auth()).isEqualTo(defaults.auth());
        assertThat(s.recordings()).isEqualTo(defaults.recordings());
        assertThat(s.enrolment()).isEqualTo(defaults.enrolment());
        assertThat(s.http())
                .usingRecursiveComparison()
                .ignoringFields("tlsCertificate", "tlsPrivateKey", "generateTls", "metricsToken")
                .isEqualTo(defaults.http());
        assertThat(s.ssh())
                .usingRecursiveComparison()
                .ignoringFields("advertisedHost")
                .isEqualTo(defaults.ssh());
        assertThat(s.db()).usingRecursiveComparison().ignoringFields("password").isEqualTo(defaults.db());
        // The examples: your own certificate, the public host name, a password file, a policy file.
        assertThat(s.http().generateTls()).isFalse();
        assertThat(s.ssh().advertisedHost()).isEqualTo("relay.example.com");
        assertThat(s.db().password()).isNotNull();
        assertThat(s.http().metricsToken()).isNotNull();
        assertThat(s.policyFile()).isEqualTo(Path.of("/etc/fieldlink-relay/policy.yaml"));
    }
}
