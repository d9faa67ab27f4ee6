package dev.fieldlink.relay.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.protocol.api.ExtendRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.admin.UserUpdate;
import dev.fieldlink.relay.testing.ApiClient.Answer;
import dev.fieldlink.relay.testing.TestAgent;
import dev.fieldlink.relay.testing.TestRelay;
import dev.fieldlink.relay.testing.TestRelay.TestUser;
import dev.fieldlink.relay.testing.TestScreenChannel;
import dev.fieldlink.relay.testing.TestViewer;
import dev.fieldlink.testing.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way to reach a screen without the right is refused, and audited: tickets for other sessions, expired tickets,
 * tickets after the end, access tokens as passwords, unregistered agent keys, lost entitlements; and every reason a
 * session ends mid-stream closes its channels within a second on the relay's own clock.
 */
class ScreenSecurityTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration ONE_SECOND = Duration.ofSeconds(1);
    static TestRelay t;
    final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void start() {
        // Re-checks only when this relay's admin changes something; the periodic re-check is the CLI's path.
        t = TestRelay.start(b -> b.recheckInterval(Duration.ofHours(1)));
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

    record Live(TestAgent agent, TestUser user, String token, SessionView session, TicketResponse ticket) {}

    /** A machine with an agent, a technician for it, an active session and a ticket. */
    Live live(String machine, String username) throws IOException {
        TestAgent agent = new TestAgent(machine).autoConsent(30);
        cleanup.add(agent);
        t.online(machine, agent);
        TestUser u = t.technician(username, Set.of("DE"), Set.of("digital-cutter"));
        String token = t.token(u);
        SessionView active = t.activeSession(machine, "check", 30, token);
        return new Live(agent, u, token, active, t.ticket(active.id(), token));
    }

    TestViewer viewer() {
        TestViewer v = new TestViewer();
        cleanup.add(v);
        return v;
    }

    TestViewer openScreen(Live l) throws IOException {
        TestViewer v = viewer().connect(
                        l.ticket().sshPort(),
                        l.ticket().hostKeyFingerprint(),
                        l.ticket().username(),
                        l.ticket().ticket())
                .open(l.ticket().targetHost(), l.ticket().targetPort());
        assertThat(v.read(TestScreenChannel.GREETING.length)).isEqualTo(TestScreenChannel.GREETING);
        return v;
    }

    static List<AuditEvent> events(String type, Predicate<AuditEvent> match) {
        return t.relay.core().auditEventsOfType(type).stream().filter(match).toList();
    }

    @Test
    void ticketForSessionA_cannotOpenSessionB_andTheRefusalIsAudited() throws IOException {
        Live a = live("m-sec-a", "sec-a");
        Live b = live("m-sec-b", "sec-b");
        TestViewer v = viewer().connect(
                        a.ticket().sshPort(),
                        a.ticket().hostKeyFingerprint(),
                        a.ticket().username(),
                        a.ticket().ticket());
        assertThatThrownBy(() -> v.open("session-" + b.session().id(), 5900))
                .cause()
                .isInstanceOfSatisfying(
                        SshChannelOpenException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(1 /* administratively prohibited */));
        assertThat(events(
                        AuditEventTypes.CHANNEL_REFUSED,
                        e -> e.subject().equals("session:" + b.session().id())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.details()).containsEntry("reason", "ticket-session-mismatch");
                    assertThat(e.actor()).isEqualTo("technician:" + a.user().id());
                });
        assertThat(b.agent().screens()).as("nothing reached machine B").isEmpty();
        assertThatThrownBy(() -> v.open("127.0.0.1", 22)).hasCauseInstanceOf(SshChannelOpenException.class);
        assertThatThrownBy(() -> v.open("session-" + a.session().id(), 22))
                .hasCauseInstanceOf(SshChannelOpenException.class);
        assertThat(events(
                        AuditEventTypes.CHANNEL_REFUSED,
                        e -> "target-not-allowed".equals(e.details().get("reason"))))
                .isNotEmpty();
        assertThat(events(
                        AuditEventTypes.CHANNEL_REFUSED,
                        e -> "port-not-allowed".equals(e.details().get("reason"))))
                .isNotEmpty();
        v.open("session-" + a.session().id(), 5900);
        assertThat(v.read(TestScreenChannel.GREETING.length)).isEqualTo(TestScreenChannel.GREETING);
    }

    @Test
    void accessTokenAsViewerPassword_isRefused_andAudited() throws IOException {
        Live l = live("m-sec-token", "sec-token");
        assertThatThrownBy(() -> viewer().connect(
                                l.ticket().sshPort(),
                                l.ticket().hostKeyFingerprint(),
                                l.user().id(),
                                l.token()))
                .isInstanceOf(SshException.class);
        assertThat(events(
                        AuditEventTypes.ACCESS_DENIED,
                        e -> "SSH_LOGIN".equals(e.details().get("action"))
                                && e.actor().equals("technician:" + l.user().id())))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.details().get("reason")).isIn("ticket-type", "ticket-audience"));
    }

    @Test
    void ticketAfterEnd_isRefused_andAudited() throws IOException {
        Live l = live("m-sec-ended", "sec-ended");
        t.api.post("/api/v1/sessions/" + l.session().id() + "/end", "", l.token());
        assertThatThrownBy(() -> viewer().connect(
                                l.ticket().sshPort(),
                                l.ticket().hostKeyFingerprint(),
                                l.ticket().username(),
                                l.ticket().ticket()))
                .isInstanceOf(SshException.class);
        assertThat(events(
                        AuditEventTypes.ACCESS_DENIED,
                        e -> e.subject().equals("session:" + l.session().id())))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("reason", "session-not-active"));
        assertThat(t.api.post("/api/v1/sessions/" + l.session().id() + "/ticket", "", l.token())
                        .problemType())
                .isEqualTo("invalid-state");
    }

    @Test
    void expiredTicket_isRefused_andAudited_evenWhileTheSessionWasExtended() throws IOException {
        Live l = live("m-sec-exp", "sec-exp");
        t.api.post("/api/v1/sessions/" + l.session().id() + "/extend", new ExtendRequest(20), l.token());
        l.agent().await(ControlMessage.SessionRequested.class, WAIT);
        Poll.until(
                WAIT,
                "extended",
                () -> t.api.get("/api/v1/sessions/" + l.session().id(), l.token())
                        .as(SessionView.class)
                        .expiresAt()
                        .isAfter(l.session().expiresAt()));
        t.clock.set(l.ticket().expiresAt().plus(Duration.ofSeconds(31)));
        assertThatThrownBy(() -> viewer().connect(
                                l.ticket().sshPort(),
                                l.ticket().hostKeyFingerprint(),
                                l.ticket().username(),
                                l.ticket().ticket()))
                .isInstanceOf(SshException.class);
        assertThat(events(
                        AuditEventTypes.ACCESS_DENIED,
                        e -> e.actor().equals("technician:" + l.user().id())))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("reason", "ticket-expired"));
        String token = t.token(l.user());
        TicketResponse fresh = t.api.post("/api/v1/sessions/" + l.session().id() + "/ticket", "", token)
                .as(TicketResponse.class);
        assertThat(fresh.expiresAt()).isAfter(l.ticket().expiresAt());
        viewer().connect(fresh.sshPort(), fresh.hostKeyFingerprint(), fresh.username(), fresh.ticket())
                .open(fresh.targetHost(), fresh.targetPort());
        t.api.post("/api/v1/sessions/" + l.session().id() + "/end", "", token);
    }

    @Test
    void agentWithAnUnregisteredKey_isRefused_andAudited() throws IOException {
        t.machine("m-sec-key", "DE", "digital-cutter");
        TestAgent registered = new TestAgent("m-sec-key");
        t.relay.admin().registerAgentKey("m-sec-key", registered.publicKey());
        TestAgent impostor = new TestAgent("m-sec-key");
        cleanup.add(impostor);
        assertThatThrownBy(() -> impostor.connect(t.relay.sshPort(), t.relay.hostKeyFingerprint()))
                .isInstanceOf(SshException.class);
        TestAgent unknown = new TestAgent("m-sec-nobody");
        cleanup.add(unknown);
        assertThatThrownBy(() -> unknown.connect(t.relay.sshPort(), t.relay.hostKeyFingerprint()))
                .isInstanceOf(SshException.class);
        assertThat(events(AuditEventTypes.AGENT_AUTH_REFUSED, e -> e.subject().equals("machine:m-sec-key")))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("reason", "key not registered for this machine"));
        assertThat(events(AuditEventTypes.AGENT_AUTH_REFUSED, e -> e.subject().equals("machine:m-sec-nobody")))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("reason", "unknown machine"));
        assertThat(t.relay.agents().isOnline("m-sec-key")).isFalse();
    }

    @Test
    void lostEntitlement_refusesTicketAndChannel_andTheRecheckEndsTheSession() throws IOException {
        Live l = live("m-sec-policy", "sec-policy");
        // Another process (the admin CLI) moves the technician to the UK; this relay has not re-checked yet.
        t.relay
                .core()
                .admin("admin:cli")
                .updateUser(l.user().username(), UserUpdate.none().withRegions(Set.of("UK")));
        Answer ticket = t.api.post("/api/v1/sessions/" + l.session().id() + "/ticket", "", l.token());
        assertThat(ticket.status()).isEqualTo(404);
        assertThat(events(
                        AuditEventTypes.ACCESS_DENIED,
                        e -> e.subject().equals("session:" + l.session().id())))
                .anySatisfy(e -> assertThat(e.details())
                        .containsEntry("action", "OPEN_CHANNEL")
                        .containsEntry("reason", "REGION"));
        TestViewer v = viewer().connect(
                        l.ticket().sshPort(),
                        l.ticket().hostKeyFingerprint(),
                        l.ticket().username(),
                        l.ticket().ticket());
        assertThatThrownBy(() -> v.open(l.ticket().targetHost(), 5900))
                .hasCauseInstanceOf(SshChannelOpenException.class);
        assertThat(events(
                        AuditEventTypes.CHANNEL_REFUSED,
                        e -> e.subject().equals("session:" + l.session().id())))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("reason", "policy-REGION"));
        t.relay.broker().recheckAll();
        SessionView ended = t.api.get("/api/v1/sessions/" + l.session().id(), t.token(l.user()))
                .as(SessionView.class);
        assertThat(ended.state()).isEqualTo(SessionState.ENDED);
        assertThat(ended.endCause()).isEqualTo(EndCause.POLICY_CHANGE);
    }

    @Test
    void entitlementChangedByThisRelaysAdmin_closesTheScreenWithinOneSecond() throws IOException {
        Live l = live("m-sec-cert", "sec-cert");
        TestViewer v = openScreen(l);
        long start = System.nanoTime();
        t.relay.admin().updateUser(l.user().username(), UserUpdate.none().withCertifications(java.util.Map.of()));
        assertThat(v.awaitClosed(ONE_SECOND)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ONE_SECOND);
        assertThat(ended(l.session().id()).details()).containsEntry("cause", "POLICY_CHANGE");
        assertThat(l.agent().await(ControlMessage.SessionEnded.class, WAIT).cause())
                .isEqualTo(EndCause.POLICY_CHANGE);
    }

    @Test
    void disabledAccountMidSession_closesTheScreenWithinOneSecond() throws IOException {
        Live l = live("m-sec-disable", "sec-disable");
        TestViewer v = openScreen(l);
        long start = System.nanoTime();
        t.relay.admin().disableUser(l.user().username());
        assertThat(v.awaitClosed(ONE_SECOND)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ONE_SECOND);
        assertThat(ended(l.session().id()).details()).containsEntry("cause", "ACCOUNT_DISABLED");
        Poll.until(
                WAIT,
                "the viewer's SSH connection closed too",
                () -> !v.session().isOpen());
        Poll.until(WAIT, "agent screen closed", () -> l.agent().screens().get(0).isClosed());
    }

    @Test
    void expiryMidStream_onTheFakeClock_closesTheScreenWithinOneSecond() throws IOException {
        Live l = live("m-sec-expiry", "sec-expiry");
        TestViewer v = openScreen(l);
        v.write(new byte[] {1, 2, 3});
        t.clock.set(l.session().expiresAt().minusMillis(1));
        assertThat(v.awaitClosed(Duration.ofMillis(400)))
                .as("not before the expiry")
                .isFalse();
        long start = System.nanoTime();
        t.clock.set(l.session().expiresAt());
        assertThat(v.awaitClosed(ONE_SECOND)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ONE_SECOND);
        assertThat(ended(l.session().id()).details()).containsEntry("cause", "EXPIRED");
        assertThat(l.agent().await(ControlMessage.SessionEnded.class, WAIT).cause())
                .isEqualTo(EndCause.EXPIRED);
        AuditEvent closed = Poll.value(
                WAIT,
                "CHANNEL_CLOSED",
                () ->
                        events(
                                        AuditEventTypes.CHANNEL_CLOSED,
                                        e -> e.subject()
                                                .equals("session:" + l.session().id()))
                                .stream()
                                .findFirst()
                                .orElse(null));
        assertThat(closed.details().get("cause")).contains("EXPIRED");
        assertThat(closed.details()).containsEntry("bytesToMachine", "3");
    }

    @Test
    void aSecondAgentConnection_replacesTheFirst_andIsAudited() throws IOException {
        t.machine("m-sec-twice", "DE", "digital-cutter");
        TestAgent first = new TestAgent("m-sec-twice");
        cleanup.add(first);
        t.relay.admin().registerAgentKey("m-sec-twice", first.publicKey());
        first.connect(t.relay.sshPort(), t.relay.hostKeyFingerprint());
        Poll.until(WAIT, "online", () -> t.relay.agents().isOnline("m-sec-twice"));
        TestAgent second = new TestAgent("m-sec-twice");
        cleanup.add(second);
        t.relay.admin().registerAgentKey("m-sec-twice", second.publicKey());
        second.connect(t.relay.sshPort(), t.relay.hostKeyFingerprint());
        Poll.until(WAIT, "first connection closed", () -> !first.isConnected());
        assertThat(events(AuditEventTypes.AGENT_REPLACED, e -> e.subject().equals("machine:m-sec-twice")))
                .hasSize(1);
        assertThat(t.relay.agents().isOnline("m-sec-twice")).isTrue();
        second.send(new ControlMessage.Ping(7));
        assertThat(second.await(ControlMessage.Pong.class, WAIT).nonce()).isEqualTo(7);
    }

    @Test
    void anAgentConnection_cannotOpenScreens() throws IOException {
        Live l = live("m-sec-agentview", "sec-agentview");
        var ch = l.agent()
                .session()
                .createDirectTcpipChannel(
                        new org.apache.sshd.common.util.net.SshdSocketAddress("127.0.0.1", 0),
                        new org.apache.sshd.common.util.net.SshdSocketAddress(
                                l.ticket().targetHost(), 5900));
        assertThatThrownBy(() -> ch.open().verify(WAIT)).hasCauseInstanceOf(SshChannelOpenException.class);
        assertThat(events(
                        AuditEventTypes.CHANNEL_REFUSED,
                        e -> "not-a-viewer".equals(e.details().get("reason"))))
                .isNotEmpty();
    }

    private static AuditEvent ended(String sessionId) {
        return Poll.value(
                WAIT,
                "SESSION_ENDED",
                () -> events(AuditEventTypes.SESSION_ENDED, e -> e.subject().equals("session:" + sessionId)).stream()
                        .findFirst()
                        .orElse(null));
    }
}
