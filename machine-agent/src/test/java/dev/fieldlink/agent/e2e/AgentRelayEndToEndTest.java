package dev.fieldlink.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldlink.agent.Agent;
import dev.fieldlink.agent.AgentCrashChild;
import dev.fieldlink.agent.audit.AuditVerifier;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.agent.connection.ConnectionStatus.State;
import dev.fieldlink.agent.enroll.Enroller;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import dev.fieldlink.agent.session.SimulatedOperator;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.audit.AuditExporter;
import dev.fieldlink.testing.MutableClock;
import dev.fieldlink.testing.Poll;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbSnapshot;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against the real relay in one process: the "Done when" list. */
class AgentRelayEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MACHINE = "cutter-17";

    @TempDir
    Path dir;

    private final MutableClock agentClock = MutableClock.at("2026-11-23T08:00:00Z");
    private RealRelay relay;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        relay = new RealRelay(dir.resolve("relay"));
        relay.machine(MACHINE);
        config = dir.resolve("agent/agent.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                switches: {remoteService: true}
                connection: {reconnectInitial: 200ms, reconnectMax: 1s}
                """);
        new Enroller()
                .enroll(
                        config,
                        URI.create(relay.relay().baseUrl()),
                        relay.provision(MACHINE),
                        MACHINE,
                        relay.relay().tlsFingerprint());
    }

    @AfterEach
    void tearDown() {
        relay.close();
    }

    private Agent agent(SimulatedOperator.Behaviour behaviour) {
        Agent agent = Agent.builder(new ConfigLoader().load(config))
                .clock(agentClock)
                .operator(new SimulatedOperator("Olga", behaviour))
                .build();
        agent.start();
        Poll.until(
                WAIT, "agent online at the relay", () -> relay.relay().agents().isOnline(MACHINE));
        return agent;
    }

    private SessionView awaitState(String id, SessionState state) {
        Poll.until(WAIT, "session " + id + " " + state, () -> {
            try {
                return relay.session(id).state() == state;
            } catch (Exception e) {
                return false;
            }
        });
        try {
            return relay.session(id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void enrolled_connects_consentAllowed_viewerSeesTheHmi_andTheOperatorEnds() throws Exception {
        try (Agent agent = agent(SimulatedOperator.approveAtMost(30))) {
            assertThat(new ConfigLoader().load(config).relay().hostKeyFingerprint())
                    .isEqualTo(relay.relay().hostKeyFingerprint());
            SessionView s = relay.request(MACHINE, 45);
            SessionView active = awaitState(s.id(), SessionState.ACTIVE);
            assertThat(active.grantedMinutes()).isEqualTo(30);

            try (TicketViewer viewer = new TicketViewer(relay.ticket(s.id()))) {
                BufferedImage frame = RfbSnapshot.capture(viewer.in(), viewer.out(), RfbClientConfig.defaults(), WAIT);
                BufferedImage hmi = ((SimulatedHmi) agent.screen()).snapshot();
                assertThat(frame.getWidth()).isEqualTo(hmi.getWidth());
                assertThat(frame.getHeight()).isEqualTo(hmi.getHeight());
                int differing = 0;
                for (int y = 0; y < hmi.getHeight(); y++) {
                    for (int x = 0; x < hmi.getWidth(); x++) {
                        differing += (frame.getRGB(x, y) & 0xffffff) == (hmi.getRGB(x, y) & 0xffffff) ? 0 : 1;
                    }
                }
                assertThat(differing)
                        .as("pixels that differ from the HMI")
                        .isLessThan(hmi.getWidth() * hmi.getHeight() / 100);
            }
            try (TicketViewer viewer = new TicketViewer(relay.ticket(s.id()))) {
                agent.sessions().endByOperator();
                assertThat(viewer.awaitClosed(Duration.ofSeconds(1)))
                        .as("screen closed within 1 s")
                        .isTrue();
            }
            assertThat(awaitState(s.id(), SessionState.ENDED).endCause()).isEqualTo(EndCause.OPERATOR);
        }
    }

    @Test
    void technicianWithARealisticPhoto_isAskedFor_andTheOperatorSeesThePhoto() throws Exception {
        relay.token(); // signs the technician in, which creates her account
        relay.relay().admin().setPhoto("anna", noisyPortrait());
        try (Agent agent = agent(SimulatedOperator.approve())) {
            SessionView s = relay.request(MACHINE, 15);

            awaitState(s.id(), SessionState.ACTIVE);

            byte[] shown = agent.sessions().active().orElseThrow().photoPng();
            assertThat(shown).as("photo on the operator's panel").isNotNull();
            BufferedImage photo = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(shown));
            assertThat(photo.getWidth()).isEqualTo(256);
            assertThat(shown.length)
                    .as("a photo that needs more than 64 KiB on the control line")
                    .isGreaterThan(64 * 1024);
        }
    }

    /** A 256x256 JPEG of noise: compresses as badly as a real face does, or worse. */
    private static byte[] noisyPortrait() throws Exception {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(11);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                image.setRGB(x, y, (x << 16) | (y << 8) | random.nextInt(256));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void declined_isDeclinedAtTheRelay() throws Exception {
        try (Agent agent = agent(SimulatedOperator.decline())) {
            SessionView s = relay.request(MACHINE, 10);
            awaitState(s.id(), SessionState.DECLINED);
            assertThat(agent.sessions().active()).isEmpty();
        }
    }

    @Test
    void unanswered_expiresOnBothClocks() throws Exception {
        try (Agent agent = agent(SimulatedOperator.neverAnswer())) {
            SessionView s = relay.request(MACHINE, 10);
            Poll.until(WAIT, "asked", () -> agent.sessions().pending().isPresent());
            agentClock.advance(Duration.ofMinutes(2));
            relay.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
            awaitState(s.id(), SessionState.EXPIRED);
            Poll.until(
                    WAIT,
                    "agent's request lapsed",
                    () -> agent.sessions().pending().isEmpty());
        }
    }

    @Test
    void expiryOnTheAgentClock_whileTheRelayClockIsFrozen_closesTheScreenWithinOneSecond() throws Exception {
        try (Agent agent = agent(SimulatedOperator.approveAtMost(5))) {
            SessionView s = relay.request(MACHINE, 10);
            awaitState(s.id(), SessionState.ACTIVE);
            try (TicketViewer viewer = new TicketViewer(relay.ticket(s.id()))) {
                RfbSnapshot.capture(viewer.in(), viewer.out(), RfbClientConfig.defaults(), WAIT);
            }
            try (TicketViewer viewer = new TicketViewer(relay.ticket(s.id()))) {
                agentClock.advance(Duration.ofMinutes(5));
                assertThat(viewer.awaitClosed(Duration.ofSeconds(1)))
                        .as("closed by the agent's clock within 1 s")
                        .isTrue();
            }
            assertThat(agent.sessions().active()).isEmpty();
            assertThat(awaitState(s.id(), SessionState.ENDED).endCause()).isEqualTo(EndCause.EXPIRED);
        }
    }

    @Test
    void remoteServiceSwitchedOff_midSession_endsItAtOnce() throws Exception {
        try (Agent agent = agent(SimulatedOperator.approve())) {
            SessionView s = relay.request(MACHINE, 10);
            awaitState(s.id(), SessionState.ACTIVE);
            try (TicketViewer viewer = new TicketViewer(relay.ticket(s.id()))) {
                agent.switches().set(new CustomerSwitches(false, false, true), "operator:" + MACHINE);
                assertThat(viewer.awaitClosed(Duration.ofSeconds(1))).isTrue();
            }
            assertThat(awaitState(s.id(), SessionState.ENDED).endCause()).isEqualTo(EndCause.SWITCH_OFF);
            Poll.until(
                    WAIT,
                    "relay knows the switch",
                    () -> !relay.relay().admin().machine(MACHINE).switches().remoteService());
        }
    }

    @Test
    void wrongPinnedFingerprint_refusesToConnect() throws Exception {
        String wrong = KeyUtils.getFingerPrint(
                KeyUtils.generateKeyPair("ssh-ed25519", 256).getPublic());
        new ConfigLoader().update(config, root -> ((ObjectNode) root.get("relay")).put("hostKeyFingerprint", wrong));
        try (Agent agent =
                Agent.builder(new ConfigLoader().load(config)).clock(agentClock).build()) {
            agent.start();
            Poll.until(WAIT, "mismatch", () -> agent.connection().status().state() == State.HOST_KEY_MISMATCH);
            assertThat(relay.relay().agents().isOnline(MACHINE)).isFalse();
        }
    }

    @Test
    void relayDownForAWhile_thenBack_everyBufferedEventArrivesOnce_andBothChainsVerify() throws Exception {
        try (Agent agent = agent(SimulatedOperator.approve())) {
            relay.stop();
            Poll.until(WAIT, "agent notices", () -> agent.connection().status().state() == State.RETRYING);
            for (int i = 0; i < 250; i++) {
                agent.audit()
                        .append(AuditEventTypes.CHAT_MESSAGE, "operator:" + MACHINE, null, Map.of("n", "offline " + i));
            }
            relay.start();
            long last = agent.audit().lastSequence();
            Poll.until(WAIT, "everything acknowledged", () -> agent.audit().acknowledged() >= last);
            assertThat(agentStreamAtTheRelay())
                    .as("each sequence once")
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, agentStreamAtTheRelay().size())
                                    .boxed()
                                    .toList());
            assertThat((long) agentStreamAtTheRelay().size()).isGreaterThanOrEqualTo(last);
            assertThat(relay.relay().admin().verifyAudit().intact()).isTrue();
        }
        AgentConfig c = new ConfigLoader().load(config);
        assertThat(new AuditVerifier()
                        .verify(c.dataDirectory().resolve("audit"))
                        .ok())
                .isTrue();
    }

    @Test
    void killedAgent_withUnacknowledgedEvents_losesNone() throws Exception {
        relay.stop();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AgentCrashChild.class.getName(),
                        config.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long reported = 0;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && reported < 200) {
                if (line.startsWith("appended ")) {
                    reported = Long.parseLong(line.substring("appended ".length()));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        relay.start();
        try (Agent agent = agent(SimulatedOperator.neverAnswer())) {
            long last = agent.audit().lastSequence();
            assertThat(last).isGreaterThanOrEqualTo(reported);
            Poll.until(WAIT, "everything acknowledged", () -> agent.audit().acknowledged() >= last);
            assertThat((long) agentStreamAtTheRelay().size()).isGreaterThanOrEqualTo(last);
            assertThat(relay.relay().admin().verifyAudit().intact()).isTrue();
        }
    }

    /** Sequences of this agent's stream the relay stored, in order. */
    private List<Long> agentStreamAtTheRelay() throws Exception {
        StringWriter export = new StringWriter();
        relay.relay().admin().exportAudit(export, AuditExporter.Format.JSONL);
        var json = Json.mapper();
        List<Long> seqs = new ArrayList<>();
        for (String line : export.toString().lines().toList()) {
            var node = json.readTree(line);
            if (("agent:" + MACHINE).equals(node.path("stream").asText())) {
                seqs.add(node.path("sequence").asLong());
            }
        }
        return seqs;
    }
}
