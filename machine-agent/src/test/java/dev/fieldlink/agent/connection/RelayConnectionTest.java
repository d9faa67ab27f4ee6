package dev.fieldlink.agent.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.audit.AuditVerifier;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.AuditSettings;
import dev.fieldlink.agent.config.ConnectionSettings;
import dev.fieldlink.agent.config.RelaySettings;
import dev.fieldlink.agent.config.SessionSettings;
import dev.fieldlink.agent.connection.ConnectionStatus.State;
import dev.fieldlink.agent.session.SessionController;
import dev.fieldlink.agent.session.SimulatedOperator;
import dev.fieldlink.agent.testing.TestRelayEndpoint;
import dev.fieldlink.agent.testing.TestScreenChannel;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.testing.MutableClock;
import dev.fieldlink.testing.Poll;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's connection code against a test double of the relay's SSH side (real MINA server, real keys, real
 * loopback). The end-to-end behaviour against the real relay is tested separately once the relay exists.
 */
class RelayConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static KeyPair hostKey;
    private static KeyPair otherHostKey;
    private static KeyPair machineKey;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ExecutorService screenThreads = Executors.newCachedThreadPool();
    private TestRelayEndpoint relay;
    private AuditLog audit;
    private SimulatedOperator operator;
    private SessionController sessions;
    private RelayConnection connection;

    @BeforeAll
    static void keys() throws Exception {
        hostKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        otherHostKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        machineKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
    }

    @BeforeEach
    void setUp() throws Exception {
        relay = new TestRelayEndpoint(hostKey, "m1", machineKey.getPublic()).start();
        audit = AuditLog.open(dir.resolve("audit"), "agent:m1", AuditSettings.defaults(), clock);
        operator = new SimulatedOperator("Olga", SimulatedOperator.approveAtMost(5));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close();
        }
        relay.close();
        scheduler.shutdownNow();
        screenThreads.shutdownNow();
        audit.close();
    }

    private AgentConfig config(String fingerprint, CustomerSwitches switches, Duration heartbeat) {
        return AgentConfig.defaults("m1")
                .withRelay(new RelaySettings("127.0.0.1", relay.port(), fingerprint, null))
                .withSwitches(switches)
                .withSession(new SessionSettings(Duration.ofMinutes(30), Duration.ofMinutes(2)))
                .withConnection(
                        new ConnectionSettings(heartbeat, Duration.ofMillis(100), Duration.ofMillis(400), null));
    }

    /** Records the pause before each reconnect after a lost link (the clock stands still, so next minus now). */
    private List<Duration> lostLinkPauses() {
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        connection.addListener(s -> {
            if (s.state() == State.RETRYING
                    && s.nextAttempt() != null
                    && "connection to the relay lost".equals(s.detail())) {
                pauses.add(Duration.between(clock.instant(), s.nextAttempt()));
            }
        });
        return pauses;
    }

    private void connect(AgentConfig config, ScreenService screens) {
        sessions = new SessionController(
                "m1",
                config.session(),
                clock,
                audit,
                operator,
                config.switches().remoteService());
        connection = new RelayConnection(
                config,
                machineKey,
                sessions,
                audit,
                screens,
                screenThreads,
                clock,
                scheduler,
                () -> 0.5,
                "test",
                1280,
                800);
        connection.start();
    }

    private static final CustomerSwitches REMOTE_ON = new CustomerSwitches(true, false, false);

    @Test
    void connects_withPinnedKey_saysHello_andForwardsItsAuditEvents() {
        connect(config(relay.hostKeyFingerprint(), REMOTE_ON, Duration.ofSeconds(30)), (id, in, out) -> {});

        Poll.until(
                WAIT, "hello", () -> !relay.received(ControlMessage.Hello.class).isEmpty());
        ControlMessage.Hello hello = relay.received(ControlMessage.Hello.class).get(0);
        assertThat(hello.machineId()).isEqualTo("m1");
        assertThat(hello.switches()).isEqualTo(REMOTE_ON);
        assertThat(hello.maxSessionMinutes()).isEqualTo(30);
        assertThat(hello.consentTimeoutSeconds()).isEqualTo(120);
        Poll.until(WAIT, "connected state", () -> connection.status().state() == State.CONNECTED);
        Poll.until(WAIT, "AGENT_CONNECTED acknowledged", () -> audit.acknowledged() >= 1);
        assertThat(relay.storedEvents()).extracting(e -> e.type()).contains(AuditEventTypes.AGENT_CONNECTED);
    }

    @Test
    void relayDroppingTheLinkRightAfterHello_makesTheAgentWaitLongerEachTime_insteadOfReconnectingEverySecond() {
        relay.setDropAfterHello(true);
        AgentConfig config = config(relay.hostKeyFingerprint(), REMOTE_ON, Duration.ofSeconds(30))
                .withConnection(new ConnectionSettings(
                        Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(800), null));
        long t0 = System.nanoTime();
        connect(config, (id, in, out) -> {});
        List<Duration> pauses = lostLinkPauses();

        Poll.until(WAIT, "five links accepted and dropped", () -> relay.sessionsAccepted() >= 5);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        // initial 100 ms doubling up to 800 ms, each from the upper half (jitter fixed at 0.5): 75, 150, 300, 600 ms
        assertThat(pauses)
                .startsWith(
                        Duration.ofMillis(75), Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(600));
        assertThat(took).as("five links need the pauses between them").isGreaterThan(Duration.ofMillis(1125));
    }

    @Test
    void linkThatStayedUpForAHeartbeat_thenDrops_reconnectsAfterTheShortestPause() {
        AgentConfig config = config(relay.hostKeyFingerprint(), REMOTE_ON, Duration.ofSeconds(30))
                .withConnection(new ConnectionSettings(
                        Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(800), null));
        connect(config, (id, in, out) -> {});
        List<Duration> pauses = lostLinkPauses();
        for (int i = 1; i <= 3; i++) {
            int accepted = i;
            Poll.until(
                    WAIT,
                    "link " + i + " up",
                    () -> relay.sessionsAccepted() == accepted
                            && connection.status().state() == State.CONNECTED);
            clock.advance(Duration.ofSeconds(30));
            relay.dropAgent();
            Poll.until(WAIT, "drop " + i + " seen", () -> pauses.size() == accepted);
        }

        assertThat(pauses).containsOnly(Duration.ofMillis(75));
    }

    @Test
    void wrongPinnedFingerprint_refusesToConnect_isAudited_andShown() {
        String wrong = KeyUtils.getFingerPrint(otherHostKey.getPublic());
        connect(config(wrong, REMOTE_ON, Duration.ofSeconds(30)), (id, in, out) -> {});

        Poll.until(WAIT, "mismatch state", () -> connection.status().state() == State.HOST_KEY_MISMATCH);
        assertThat(connection.status().detail())
                .contains(relay.hostKeyFingerprint())
                .contains(wrong);
        assertThat(relay.sessionsAccepted()).isZero();
        assertThat(relay.received()).isEmpty();
        var events = audit.reader(0).next(100, 1 << 20);
        assertThat(events).extracting(e -> e.type()).containsOnlyOnce(AuditEventTypes.HOST_KEY_MISMATCH);
        assertThat(events.get(0).details()).containsEntry("presented", relay.hostKeyFingerprint());
    }

    @Test
    void allSwitchesOff_opensNoConnection_untilOneIsTurnedOn_andOffAgainDisconnects() {
        connect(
                config(relay.hostKeyFingerprint(), CustomerSwitches.ALL_OFF, Duration.ofSeconds(30)),
                (id, in, out) -> {});
        assertThat(connection.status().state()).isEqualTo(State.OFF);

        connection.switchesChanged(new CustomerSwitches(false, false, true));
        Poll.until(WAIT, "connected", () -> connection.status().state() == State.CONNECTED);
        assertThat(relay.sessionsAccepted()).isEqualTo(1);

        connection.switchesChanged(CustomerSwitches.ALL_OFF);
        Poll.until(
                WAIT,
                "disconnected",
                () -> !relay.agentConnected() || connection.status().state() == State.OFF);
        assertThat(connection.status().state()).isEqualTo(State.OFF);
    }

    @Test
    void relayDown_thenBack_everyBufferedEventArrivesExactlyOnce_andBothChainsVerify() throws Exception {
        connect(config(relay.hostKeyFingerprint(), REMOTE_ON, Duration.ofSeconds(30)), (id, in, out) -> {});
        Poll.until(WAIT, "connected", () -> connection.status().state() == State.CONNECTED);
        relay.setAcknowledge(false);
        for (int i = 0; i < 5; i++) {
            audit.append(AuditEventTypes.CHAT_MESSAGE, "operator:m1", null, Map.of("n", "before " + i));
        }
        relay.stop();
        Poll.until(WAIT, "retrying", () -> connection.status().state() == State.RETRYING);
        for (int i = 0; i < 300; i++) {
            audit.append(AuditEventTypes.CHAT_MESSAGE, "operator:m1", null, Map.of("n", "while down " + i));
        }
        relay.setAcknowledge(true);
        relay.start();

        Poll.until(
                WAIT,
                "everything acknowledged",
                () -> audit.acknowledged() == audit.lastSequence()
                        && connection.status().state() == State.CONNECTED);
        var stored = relay.storedEvents();
        assertThat(stored).hasSize((int) audit.lastSequence());
        assertThat(AuditChain.verify(stored)).isEmpty();
        assertThat(new AuditVerifier().verify(dir.resolve("audit")).ok()).isTrue();
        assertThat(relay.sessionsAccepted()).isEqualTo(2);
    }

    @Test
    void consent_thenScreenChannel_carriesBytes_andTheAgentClockClosesItAtExpiry() throws Exception {
        connect(config(relay.hostKeyFingerprint(), REMOTE_ON, Duration.ofMinutes(5)), (id, in, out) -> {
            byte[] buf = new byte[1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        });
        Poll.until(WAIT, "connected", () -> connection.status().state() == State.CONNECTED);
        relay.send(new ControlMessage.SessionRequested(
                "s1", "t7", "Tom", "PressCo", null, "vacuum", "C-1", 10, null, false));
        Poll.until(
                WAIT,
                "consent",
                () -> !relay.received(ControlMessage.SessionConsent.class).isEmpty());
        assertThat(relay.received(ControlMessage.SessionConsent.class).get(0))
                .isEqualTo(new ControlMessage.SessionConsent("s1", true, 5, "Olga"));

        TestScreenChannel screen = relay.openScreen("s1", WAIT);
        OutputStream toAgent = screen.toAgent();
        InputStream fromAgent = screen.fromAgent();
        toAgent.write("RFB?".getBytes());
        toAgent.flush();
        byte[] echo = fromAgent.readNBytes(4);
        assertThat(new String(echo)).isEqualTo("RFB?");

        clock.advance(Duration.ofMinutes(5));
        long t0 = System.nanoTime();
        sessions.tick();
        Poll.until(Duration.ofSeconds(1), "screen channel closed within 1 s", screen::isClosed);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        Poll.until(
                WAIT,
                "session.ended",
                () -> !relay.received(ControlMessage.SessionEnded.class).isEmpty());
        assertThat(relay.received(ControlMessage.SessionEnded.class).get(0).cause())
                .isEqualTo(EndCause.EXPIRED);
    }

    @Test
    void viewerBytesAfterTheScreenEnded_areDropped_andTheConnectionStaysUp() throws Exception {
        connect(config(relay.hostKeyFingerprint(), REMOTE_ON, Duration.ofSeconds(30)), (id, in, out) -> {});
        Poll.until(WAIT, "connected", () -> connection.status().state() == State.CONNECTED);
        relay.send(new ControlMessage.SessionRequested("s3", "t7", "Tom", "PressCo", null, "r", "c", 10, null, false));
        Poll.until(
                WAIT,
                "consent",
                () -> !relay.received(ControlMessage.SessionConsent.class).isEmpty());

        TestScreenChannel screen = relay.openScreen("s3", WAIT);
        try {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 32 && !screen.isClosing() && !screen.isClosed(); i++) {
                screen.toAgent().write(chunk);
                screen.toAgent().flush();
            }
        } catch (java.io.IOException e) {
            // the agent closed the channel while we wrote: expected
        }
        Poll.until(WAIT, "screen closed", screen::isClosed);

        relay.send(new ControlMessage.Ping(4711));
        Poll.until(
                WAIT,
                "control channel still answers",
                () -> relay.received(ControlMessage.Pong.class).stream().anyMatch(p -> p.nonce() == 4711));
        assertThat(connection.status().state()).isEqualTo(State.CONNECTED);
        assertThat(relay.sessionsAccepted()).isEqualTo(1);
    }

    @Test
    void screenChannel_forASessionThatIsNotActive_isRefused() {
        connect(config(relay.hostKeyFingerprint(), REMOTE_ON, Duration.ofSeconds(30)), (id, in, out) -> {});
        Poll.until(WAIT, "connected", () -> connection.status().state() == State.CONNECTED);

        assertThatThrownBy(() -> relay.openScreen("nope", WAIT)).hasRootCauseInstanceOf(SshChannelOpenException.class);
        Poll.until(
                WAIT,
                "refusal audited",
                () -> audit.reader(0).next(100, 1 << 20).stream()
                        .anyMatch(e -> e.type().equals(AuditEventTypes.CHANNEL_REFUSED)));
    }

    @Test
    void remoteServiceSwitchedOff_midSession_closesTheScreen_andEndsTheSession() throws Exception {
        connect(
                config(relay.hostKeyFingerprint(), new CustomerSwitches(true, false, true), Duration.ofSeconds(30)),
                (id, in, out) -> in.transferTo(out));
        Poll.until(WAIT, "connected", () -> connection.status().state() == State.CONNECTED);
        relay.send(new ControlMessage.SessionRequested("s2", "t7", "Tom", "PressCo", null, "r", "c", 10, null, false));
        Poll.until(
                WAIT,
                "consent",
                () -> !relay.received(ControlMessage.SessionConsent.class).isEmpty());
        TestScreenChannel screen = relay.openScreen("s2", WAIT);

        CustomerSwitches off = new CustomerSwitches(false, false, true);
        sessions.remoteServiceChanged(false);
        connection.switchesChanged(off);

        Poll.until(Duration.ofSeconds(1), "screen closed", screen::isClosed);
        Poll.until(
                WAIT,
                "ended with SWITCH_OFF",
                () -> relay.received(ControlMessage.SessionEnded.class).stream()
                        .anyMatch(e -> e.cause() == EndCause.SWITCH_OFF));
        Poll.until(
                WAIT,
                "switches told",
                () -> relay.received(ControlMessage.SwitchesChanged.class).stream()
                        .anyMatch(s -> s.switches().equals(off)));
    }
}
