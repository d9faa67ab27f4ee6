package dev.fieldlink.relay.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.testing.Rfb;
import dev.fieldlink.relay.testing.TestAgent;
import dev.fieldlink.relay.testing.TestRelay;
import dev.fieldlink.relay.testing.TestScreenChannel;
import dev.fieldlink.relay.testing.TestViewer;
import dev.fieldlink.testing.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: the relay relays only input it can audit. Input it cannot parse never reaches the machine; the
 * screen channel closes, the session ends with {@code UNAUDITABLE_INPUT}, and why is audited.
 */
class UnauditableInputTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static TestRelay t;
    final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void start() {
        t = TestRelay.start();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    record Screen(String sessionId, String token, TestAgent agent, TestViewer viewer, TestScreenChannel channel) {}

    /** An active session with its screen channel open; the viewer has read the machine's RFB greeting. */
    Screen screen(String machine) throws IOException {
        TestAgent agent = new TestAgent(machine).autoConsent(30);
        cleanup.add(agent);
        t.online(machine, agent);
        String token = t.token(t.technician("tech-" + machine, Set.of("DE"), Set.of("digital-cutter")));
        SessionView s = t.activeSession(machine, "check", 30, token);
        TicketResponse ticket = t.ticket(s.id(), token);
        TestViewer viewer = new TestViewer();
        cleanup.add(viewer);
        viewer.connect(ticket.sshPort(), ticket.hostKeyFingerprint(), ticket.username(), ticket.ticket())
                .open(ticket.targetHost(), ticket.targetPort());
        assertThat(viewer.read(TestScreenChannel.GREETING.length)).isEqualTo(TestScreenChannel.GREETING);
        return new Screen(s.id(), token, agent, viewer, agent.screens().get(0));
    }

    @Test
    void auditableInput_reachesTheMachine_isAudited_andTheSessionStaysActive() throws IOException {
        Screen s = screen("m-input-ok");
        Rfb.handshake(s.viewer(), s.channel(), 640, 480);
        byte[] input = concat(Rfb.pointer(1, 30, 40), Rfb.pointer(0, 30, 40), Rfb.key(true, 'a'), Rfb.key(false, 'a'));
        s.viewer().write(input);
        byte[] expected = concat(Rfb.CLIENT_VERSION, new byte[] {1, 1}, input);
        Poll.until(WAIT, "all input at the machine", () -> s.channel().received().length == expected.length);
        assertThat(s.channel().received()).isEqualTo(expected);
        Poll.until(
                WAIT,
                "the click audited",
                () -> !events(AuditEventTypes.INPUT_CLICK, s.sessionId()).isEmpty());
        assertThat(events(InputAudit.FAILED, s.sessionId())).isEmpty();
        assertThat(state(s.sessionId(), s.token()).state()).isEqualTo(SessionState.ACTIVE);
        assertThat(s.viewer().channelOpen()).isTrue();
        assertThat(s.channel().isClosed()).isFalse();
    }

    @Test
    void unparseableInput_neverReachesTheMachine_endsChannelAndSession_andIsAudited() throws IOException {
        Screen s = screen("m-input-garbage");
        Rfb.handshake(s.viewer(), s.channel(), 640, 480);
        byte[] key = Rfb.key(true, 'x');
        s.viewer().write(key);
        byte[] before = concat(Rfb.CLIENT_VERSION, new byte[] {1, 1}, key);
        Poll.until(WAIT, "the key at the machine", () -> s.channel().received().length == before.length);

        long start = System.nanoTime();
        s.viewer().write(new byte[] {(byte) 0xEE, 'r', 'm', ' ', '-', 'r', 'f'}); // no such client message type
        assertThat(s.viewer().awaitClosed(Duration.ofSeconds(1)))
                .as("the viewer's channel closed")
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        Poll.until(WAIT, "the machine's channel closed", () -> s.channel().isClosed());
        assertThat(s.channel().received())
                .as("not one byte of the unparseable input reached the machine")
                .isEqualTo(before);

        assertEndedAsUnauditable(s, "client message type 238 is unknown");
    }

    @Test
    void aSecurityTypeTheRelayCannotFollow_isNotRelayed_andEndsTheSession() throws IOException {
        Screen s = screen("m-input-tight");
        s.viewer().write(Rfb.CLIENT_VERSION);
        s.channel().send(new byte[] {1, 16}); // the machine offers only Tight security, which the tap cannot follow
        assertThat(s.viewer().read(2)).isEqualTo(new byte[] {1, 16});
        Poll.until(
                WAIT, "the version at the machine", () -> s.channel().received().length == Rfb.CLIENT_VERSION.length);
        s.viewer().write(new byte[] {16});
        assertThat(s.viewer().awaitClosed(Duration.ofSeconds(1))).isTrue();
        Poll.until(WAIT, "the machine's channel closed", () -> s.channel().isClosed());
        assertThat(s.channel().received())
                .as("the security choice did not reach the machine")
                .isEqualTo(Rfb.CLIENT_VERSION);

        assertEndedAsUnauditable(s, "cannot be followed");
    }

    private static void assertEndedAsUnauditable(Screen s, String problem) {
        SessionView ended = Poll.value(WAIT, "session ended", () -> {
            SessionView v = state(s.sessionId(), s.token());
            return v.state() == SessionState.ENDED ? v : null;
        });
        assertThat(ended.endCause()).isEqualTo(EndCause.UNAUDITABLE_INPUT);
        ControlMessage.SessionEnded toMachine = s.agent().await(ControlMessage.SessionEnded.class, WAIT);
        assertThat(toMachine.cause()).isEqualTo(EndCause.UNAUDITABLE_INPUT);
        assertThat(toMachine.detail()).startsWith(InputAudit.CLOSE_CAUSE).contains(problem);

        assertThat(events(InputAudit.FAILED, s.sessionId())).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("relay");
            assertThat(e.details().get("problem")).contains(problem);
        });
        assertThat(events(AuditEventTypes.SESSION_ENDED, s.sessionId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.details()).containsEntry("cause", "UNAUDITABLE_INPUT");
                    assertThat(e.details().get("detail")).startsWith(InputAudit.CLOSE_CAUSE);
                });
        AuditEvent closed = Poll.value(
                WAIT,
                "CHANNEL_CLOSED",
                () -> events(AuditEventTypes.CHANNEL_CLOSED, s.sessionId()).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(closed.details().get("cause")).startsWith(InputAudit.CLOSE_CAUSE);
        assertThat(t.relay.admin().verifyAudit().intact()).isTrue();
    }

    private static SessionView state(String id, String token) {
        return t.api.get("/api/v1/sessions/" + id, token).as(SessionView.class);
    }

    private static List<AuditEvent> events(String type, String sessionId) {
        return t.relay.core().auditEventsOfType(type).stream()
                .filter(e -> ("session:" + sessionId).equals(e.subject()))
                .toList();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
