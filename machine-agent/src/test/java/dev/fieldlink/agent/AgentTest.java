package dev.fieldlink.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.agent.audit.AuditVerifier;
import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.agent.connection.ConnectionStatus.State;
import dev.fieldlink.agent.connection.MachineKey;
import dev.fieldlink.agent.session.SimulatedOperator;
import dev.fieldlink.agent.testing.TestRelayEndpoint;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.testing.Poll;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled agent, as the sandbox runs it, against the test endpoint of the relay's SSH side. */
class AgentTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private TestRelayEndpoint relay;
    private KeyPair machineKey;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        machineKey = MachineKey.generate(dir.resolve("machine_ed25519"), "test");
        relay = new TestRelayEndpoint(KeyUtils.generateKeyPair("ssh-ed25519", 256), "press-7", machineKey.getPublic())
                .start();
        config = dir.resolve("agent.yaml");
        Files.writeString(config, """
                machineId: press-7
                relay:
                  host: 127.0.0.1
                  port: %d
                  hostKeyFingerprint: %s
                keyFile: machine_ed25519
                dataDirectory: data
                switches:
                  remoteService: true
                connection:
                  reconnectInitial: 100ms
                  reconnectMax: 500ms
                """.formatted(relay.port(), relay.hostKeyFingerprint()));
    }

    @AfterEach
    void tearDown() throws Exception {
        relay.close();
    }

    @Test
    void simulatedOperator_approves_andTheSwitchOffEndsTheSession_isAudited_andPersisted() throws Exception {
        SimulatedOperator operator = new SimulatedOperator("Sim Operator", SimulatedOperator.approveAtMost(20));
        try (Agent agent = Agent.builder(new ConfigLoader().load(config))
                .operator(operator)
                .configFile(config)
                .build()) {
            agent.start();
            Poll.until(WAIT, "connected", () -> agent.connection().status().state() == State.CONNECTED);
            ControlMessage.Hello hello =
                    relay.received(ControlMessage.Hello.class).get(0);
            assertThat(hello.screenWidth()).isEqualTo(1280);
            assertThat(hello.screenHeight()).isEqualTo(800);

            relay.send(
                    new ControlMessage.SessionRequested("s9", "t1", "Tom", "PressCo", null, "r", "c", 45, null, false));
            Poll.until(
                    WAIT,
                    "consent",
                    () -> !relay.received(ControlMessage.SessionConsent.class).isEmpty());
            assertThat(relay.received(ControlMessage.SessionConsent.class)
                            .get(0)
                            .grantedMinutes())
                    .isEqualTo(20);

            agent.switches().set(new CustomerSwitches(false, false, true), "operator:press-7");

            Poll.until(
                    WAIT,
                    "session ended by the switch",
                    () -> relay.received(ControlMessage.SessionEnded.class).stream()
                            .anyMatch(e -> e.cause() == EndCause.SWITCH_OFF));
            Poll.until(
                    WAIT,
                    "switch change audited and acknowledged",
                    () -> relay.storedEvents().stream().anyMatch(e -> e.type().equals(AuditEventTypes.SWITCH_CHANGED)));
            assertThat(new ConfigLoader().load(config).switches()).isEqualTo(new CustomerSwitches(false, false, true));
            assertThat(agent.sessions().active()).isEmpty();
        }
    }

    @Test
    void switchesEditedInTheConfigWhileStopped_areAuditedAtTheNextStart() throws Exception {
        try (Agent agent = Agent.builder(new ConfigLoader().load(config)).build()) {
            agent.start();
            Poll.until(WAIT, "status written", () -> Files.exists(dir.resolve("data/status.json")));
        }
        Files.writeString(config, Files.readString(config).replace("remoteService: true", "remoteService: false"));

        try (Agent agent = Agent.builder(new ConfigLoader().load(config)).build()) {
            var events = agent.audit().reader(0).next(100, 1 << 20);
            assertThat(events)
                    .anyMatch(e -> e.type().equals(AuditEventTypes.SWITCH_CHANGED)
                            && e.actor().equals("config")
                            && e.details().get("remoteService").equals("true -> false"));
        }
    }

    @Test
    void killedAgent_withUnacknowledgedEvents_losesNone_afterRestartEveryEventArrivesOnce() throws Exception {
        relay.setAcknowledge(false);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AgentCrashChild.class.getName(),
                        config.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long lastReported = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("appended ")) {
                    lastReported = Long.parseLong(line.substring("appended ".length()));
                    if (lastReported >= 300 && relay.agentConnected()) {
                        break;
                    }
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastReported).isGreaterThanOrEqualTo(300);
        relay.stop();
        relay.setAcknowledge(true);
        relay.start();

        try (Agent agent = Agent.builder(new ConfigLoader().load(config)).build()) {
            agent.start();
            long last = agent.audit().lastSequence();
            assertThat(last).isGreaterThanOrEqualTo(lastReported);
            Poll.until(WAIT, "all acknowledged", () -> agent.audit().acknowledged() >= last);
            var stored = relay.storedEvents();
            assertThat(stored.size()).isGreaterThanOrEqualTo((int) last);
            assertThat(stored.get((int) lastReported - 1).sequence()).isEqualTo(lastReported);
            assertThat(AuditChain.verify(stored)).isEmpty();
        }
        assertThat(new AuditVerifier().verify(dir.resolve("data/audit")).ok()).isTrue();
    }
}
