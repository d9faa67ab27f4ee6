package dev.fieldlink.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.protocol.CustomerSwitches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void fullFile_isReadWithUnitsInTypes_andPathsRelativeToTheFile() throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, """
                machineId: press-0042
                relay:
                  host: relay.example.com
                  port: 9022
                  hostKeyFingerprint: SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
                dataDirectory: data
                switches:
                  remoteService: true
                  dataUpload: true
                session:
                  maxDuration: 90m
                  consentTimeout: 45s
                screen:
                  source: vnc-proxy
                  vncProxy:
                    port: 5901
                    passwordFile: vnc.pass
                panel:
                  language: de
                  theme: dark
                audit:
                  segmentSize: 1MiB
                  quota: 64MiB
                connection:
                  heartbeat: 20s
                """);

        AgentConfig c = loader.load(file);

        assertThat(c.machineId()).isEqualTo("press-0042");
        assertThat(c.relay().port()).isEqualTo(9022);
        assertThat(c.dataDirectory()).isEqualTo(dir.resolve("data"));
        assertThat(c.keyFile()).isEqualTo(dir.resolve("data").resolve(AgentDefaults.KEY_FILE_NAME));
        assertThat(c.switches()).isEqualTo(new CustomerSwitches(true, false, true));
        assertThat(c.session().maxMinutes()).isEqualTo(90);
        assertThat(c.session().consentTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.screen().source()).isEqualTo(ScreenSettings.Source.VNC_PROXY);
        assertThat(c.screen().vncProxy().passwordFile()).isEqualTo(dir.resolve("vnc.pass"));
        assertThat(c.panel().language()).isEqualTo(PanelSettings.Language.DE);
        assertThat(c.audit().segmentSize()).isEqualTo(DataSize.ofMebibytes(1));
        assertThat(c.connection().heartbeat()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.connection().reconnectMax()).isEqualTo(AgentDefaults.RECONNECT_MAX);
        assertThat(c.missingForConnection()).isEmpty();
    }

    @Test
    void emptyFile_takesDefaults_withEverySwitchOff() {
        AgentConfig c = loader.parse("agent.yaml", "");

        assertThat(c.switches().allOff()).isTrue();
        assertThat(c.session().maxDuration()).isEqualTo(AgentDefaults.MAX_SESSION);
        assertThat(c.session().consentTimeout()).isEqualTo(AgentDefaults.CONSENT_TIMEOUT);
        assertThat(c.screen().source()).isEqualTo(ScreenSettings.Source.SIMULATED);
        assertThat(c.missingForConnection()).containsExactly("machineId", "relay.host", "relay.hostKeyFingerprint");
    }

    @Test
    void outOfRangeValue_namesTheSettingAndTheProblem() {
        assertThatThrownBy(() -> loader.parse("agent.yaml", "relay:\n  port: 70000\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("agent.yaml: relay.port: must be between 1 and 65535 (found 70000)");
    }

    @Test
    void unknownSetting_isRefused_listingTheKnownOnes() {
        assertThatThrownBy(() -> loader.parse("agent.yaml", "relay:\n  hostkey: x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("agent.yaml: relay.hostkey: unknown setting (known: apiUrl, host,");
    }

    @Test
    void badDuration_namesTheAcceptedForm() {
        assertThatThrownBy(() -> loader.parse("agent.yaml", "session:\n  consentTimeout: soon\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("session.consentTimeout: 'soon' is not a duration");
    }

    @Test
    void fractionalSessionMaximum_isRefused() {
        assertThatThrownBy(() -> loader.parse("agent.yaml", "session:\n  maxDuration: 90s\n"))
                .hasMessageContaining("session.maxDuration: must be whole minutes");
    }

    @Test
    void simulatedPackagingLine_getsItsOwnDefaultName() throws Exception {
        AgentConfig c = loader.parse("agent.yaml", "screen:\n  simulated: {model: packaging}\n");
        assertThat(c.screen().simulated().model()).isEqualTo(ScreenSettings.Model.PACKAGING);
        assertThat(c.screen().simulated().machineName()).isEqualTo("Packaging Line PL-600");
        assertThatThrownBy(() -> loader.parse("agent.yaml", "screen:\n  simulated: {model: laser}\n"))
                .hasMessage("agent.yaml: screen.simulated.model: 'laser' is not one of cutter, press, packaging");
    }

    @Test
    void unknownEnumValue_listsTheAllowedOnes() {
        assertThatThrownBy(() -> loader.parse("agent.yaml", "screen:\n  source: webcam\n"))
                .hasMessage("agent.yaml: screen.source: 'webcam' is not one of simulated, capture, vnc-proxy");
    }

    @Test
    void wrongType_saysWhatWasExpected() {
        assertThatThrownBy(() -> loader.parse("agent.yaml", "switches:\n  remoteService: [1]\n"))
                .hasMessageContaining("switches.remoteService: expected true or false");
    }

    @Test
    void pinInClear_isRefused() {
        assertThatThrownBy(() -> loader.parse("agent.yaml", "panel:\n  adminPinHash: '123456'\n"))
                .hasMessageContaining("panel.adminPinHash: must be an Argon2id hash");
    }

    @Test
    void badFingerprint_isRefused() {
        assertThatThrownBy(() -> loader.parse("agent.yaml", "relay:\n  hostKeyFingerprint: MD5:aa:bb\n"))
                .hasMessageContaining("relay.hostKeyFingerprint: must look like SHA256:");
    }

    @Test
    void invalidYaml_isReportedWithItsLine() {
        assertThatThrownBy(() -> loader.parse("agent.yaml", "relay:\n  host: [unclosed\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("agent.yaml: ");
    }

    @Test
    void missingFile_isNamed() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"))).hasMessageEndingWith("nope.yaml: no such file");
    }

    @Test
    void update_keepsOtherSettings_writesOwnerOnly_andRefusesInvalidResults() throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, "machineId: m1\nswitches:\n  remoteService: true\n");

        loader.update(
                file, root -> root.putObject("relay").put("host", "relay.test").put("port", 8022));

        AgentConfig c = loader.load(file);
        assertThat(c.machineId()).isEqualTo("m1");
        assertThat(c.switches().remoteService()).isTrue();
        assertThat(c.relay().host()).isEqualTo("relay.test");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        assertThatThrownBy(() -> loader.update(file, root -> root.put("machineId", "bad id!")))
                .hasMessageContaining("machineId");
        assertThat(loader.load(file).machineId()).isEqualTo("m1");
    }
}
