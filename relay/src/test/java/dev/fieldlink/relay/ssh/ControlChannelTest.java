package dev.fieldlink.relay.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.testing.TestAgent;
import dev.fieldlink.relay.testing.TestRelay;
import dev.fieldlink.testing.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code fieldlink-control} subsystem: malformed, unknown, over-long and out-of-order lines are answered with an
 * error and the connection goes on; audit batches are acknowledged only once committed and idempotently; a flood
 * is answered in order; a lost connection takes the machine offline and ends its sessions.
 */
class ControlChannelTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static TestRelay t;

    @BeforeAll
    static void start() {
        t = TestRelay.start();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    static TestAgent agent(String id, boolean hello) throws IOException {
        t.machine(id, "DE", "digital-cutter");
        TestAgent a = new TestAgent(id);
        t.relay.admin().registerAgentKey(id, a.publicKey());
        a.connect(t.relay.sshPort(), t.relay.hostKeyFingerprint(), hello);
        if (hello) {
            Poll.until(WAIT, id + " online", () -> t.relay.agents().isOnline(id));
        }
        return a;
    }

    @Test
    void badLines_areAnsweredWithErrors_andTheConnectionGoesOn() throws IOException {
        try (TestAgent a = agent("m-ctl-bad", true)) {
            a.sendRaw("{\"type\":\"ping\",\"nonce\":\n".getBytes(StandardCharsets.UTF_8));
            assertThat(a.await(ControlMessage.Error.class, WAIT).code()).isEqualTo("malformed");
            a.sendRaw("{\"type\":\"teleport\"}\n".getBytes(StandardCharsets.UTF_8));
            assertThat(a.await(ControlMessage.Error.class, WAIT).detail()).contains("teleport");
            // A newer agent's extra field is skipped: the ping is answered.
            a.sendRaw("{\"type\":\"ping\",\"nonce\":41,\"extra\":true}\n".getBytes(StandardCharsets.UTF_8));
            assertThat(a.await(ControlMessage.Pong.class, WAIT).nonce()).isEqualTo(41);
            a.sendRaw("{\"type\":\"ping\",\"nonce\":\"x\"}\n".getBytes(StandardCharsets.UTF_8));
            assertThat(a.await(ControlMessage.Error.class, WAIT).detail()).contains("nonce");
            byte[] huge = new byte[70 * 1024 + 1];
            java.util.Arrays.fill(huge, (byte) 'x');
            huge[huge.length - 1] = '\n';
            a.sendRaw(huge);
            assertThat(a.await(ControlMessage.Error.class, WAIT).code()).isEqualTo("line-too-long");
            a.send(new ControlMessage.AuditAck("relay", 3));
            assertThat(a.await(ControlMessage.Error.class, WAIT).code()).isEqualTo("unexpected");
            a.send(new ControlMessage.SessionConsent("no-such-session", true, 5, "x"));
            assertThat(a.await(ControlMessage.Error.class, WAIT).code()).isEqualTo("not-found");
            a.send(new ControlMessage.Ping(42));
            assertThat(a.await(ControlMessage.Pong.class, WAIT).nonce()).isEqualTo(42);
            assertThat(t.relay.agents().isOnline("m-ctl-bad")).isTrue();
        }
    }

    @Test
    void beforeHello_onlyHelloIsAccepted_andHelloMustNameThisMachine() throws IOException {
        try (TestAgent a = agent("m-ctl-hello", false)) {
            a.send(new ControlMessage.Ping(1));
            assertThat(a.await(ControlMessage.Error.class, WAIT).code()).isEqualTo("hello-required");
            a.send(new ControlMessage.Hello("m-other", "x", CustomerSwitches.ALL_OFF, 1, 1, 1, 1));
            assertThat(a.await(ControlMessage.Error.class, WAIT).code()).isEqualTo("machine-mismatch");
            assertThat(t.relay.agents().isOnline("m-ctl-hello")).isFalse();
            a.send(new ControlMessage.Hello("m-ctl-hello", "x", new CustomerSwitches(true, false, false), 1, 1, 1, 1));
            Poll.until(WAIT, "online", () -> t.relay.agents().isOnline("m-ctl-hello"));
            // The machine shows online as soon as the hello is accepted; its audit event is committed just after.
            Poll.until(
                    WAIT,
                    "AGENT_CONNECTED for m-ctl-hello",
                    () -> t.relay.core().auditEventsOfType(AuditEventTypes.AGENT_CONNECTED).stream()
                            .anyMatch(e -> e.subject().equals("machine:m-ctl-hello")));
        }
    }

    @Test
    void auditBatch_isAcknowledgedAfterCommit_idempotently_andGapsAreRefused() throws IOException {
        try (TestAgent a = agent("m-ctl-audit", true)) {
            List<AuditEvent> chain = new ArrayList<>();
            AuditEvent prev = null;
            for (int i = 0; i < 5; i++) {
                prev = AuditChain.append(
                        "agent:m-ctl-audit",
                        prev,
                        AuditEvent.draft(
                                "OPERATOR_SAW", "operator:m-ctl-audit", null, t.clock.instant(), Map.of("n", "" + i)));
                chain.add(prev);
            }
            a.send(new ControlMessage.AuditBatch(chain.subList(0, 3)));
            ControlMessage.AuditAck ack = a.await(ControlMessage.AuditAck.class, WAIT);
            assertThat(ack).isEqualTo(new ControlMessage.AuditAck("agent:m-ctl-audit", 3));
            assertThat(t.relay.core().auditEventsOfType("OPERATOR_SAW")).hasSize(3);
            a.send(new ControlMessage.AuditBatch(chain.subList(0, 4)));
            assertThat(a.await(ControlMessage.AuditAck.class, WAIT).sequence()).isEqualTo(4);
            a.send(new ControlMessage.AuditBatch(List.of(chain.get(4), chain.get(4))));
            assertThat(a.await(ControlMessage.AuditAck.class, WAIT).sequence()).isEqualTo(5);
            AuditEvent next = AuditChain.append(
                    "agent:m-ctl-audit",
                    chain.get(4),
                    AuditEvent.draft("OPERATOR_SAW", "operator:m-ctl-audit", null, t.clock.instant(), Map.of()));
            AuditEvent afterGap = AuditChain.append(
                    "agent:m-ctl-audit",
                    next,
                    AuditEvent.draft("OPERATOR_SAW", "operator:m-ctl-audit", null, t.clock.instant(), Map.of()));
            a.send(new ControlMessage.AuditBatch(List.of(afterGap)));
            ControlMessage.Error refused = a.await(ControlMessage.Error.class, WAIT);
            assertThat(refused.code()).isEqualTo("audit-refused");
            assertThat(refused.detail()).contains("gap");
            AuditEvent foreign = AuditChain.append(
                    "agent:m-someone-else",
                    null,
                    AuditEvent.draft("OPERATOR_SAW", "x", null, t.clock.instant(), Map.of()));
            a.send(new ControlMessage.AuditBatch(List.of(foreign)));
            assertThat(a.await(ControlMessage.Error.class, WAIT).detail()).contains("may only write");
            assertThat(t.relay.admin().verifyAudit().intact()).isTrue();
        }
    }

    @Test
    void aFloodOfMessages_isAnsweredCompletelyAndInOrder() throws IOException {
        try (TestAgent a = agent("m-ctl-flood", true)) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 3000; i++) {
                lines.append("{\"type\":\"ping\",\"nonce\":").append(i).append("}\n");
            }
            a.sendRaw(lines.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 3000; i++) {
                assertThat(a.await(ControlMessage.Pong.class, WAIT).nonce()).isEqualTo(i);
            }
        }
    }

    @Test
    void lostConnection_takesTheMachineOffline_andEndsItsActiveSession() throws IOException {
        TestAgent a = agent("m-ctl-lost", true).autoConsent(10);
        var tech = t.technician("lost", Set.of("DE"), Set.of("digital-cutter"));
        String token = t.token(tech);
        SessionView s = t.activeSession("m-ctl-lost", "x", 10, token);
        a.close();
        Poll.until(WAIT, "offline", () -> !t.relay.agents().isOnline("m-ctl-lost"));
        SessionView ended = Poll.value(WAIT, "ended", () -> {
            SessionView v = t.api.get("/api/v1/sessions/" + s.id(), token).as(SessionView.class);
            return v.state() == SessionState.ENDED ? v : null;
        });
        assertThat(ended.endCause()).isEqualTo(EndCause.AGENT_DISCONNECTED);
        assertThat(t.relay.core().auditEventsOfType(AuditEventTypes.AGENT_DISCONNECTED))
                .anySatisfy(e -> assertThat(e.subject()).isEqualTo("machine:m-ctl-lost"));
        assertThat(t.api.get("/api/v1/machines/m-ctl-lost", token)
                        .json()
                        .path("lastSeen")
                        .asText())
                .isNotEmpty();
    }
}
