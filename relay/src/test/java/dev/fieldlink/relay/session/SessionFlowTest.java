package dev.fieldlink.relay.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.ChatRequest;
import dev.fieldlink.protocol.api.ExtendRequest;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.testing.ApiClient.Answer;
import dev.fieldlink.relay.testing.TestAgent;
import dev.fieldlink.relay.testing.TestRelay;
import dev.fieldlink.relay.testing.TestRelay.TestUser;
import dev.fieldlink.relay.testing.TestViewer;
import dev.fieldlink.testing.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker's state machine through the API and a test agent, on one relay; each test has its own machine. */
class SessionFlowTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static TestRelay t;
    static TestUser tech;
    static TestUser lead;

    @BeforeAll
    static void start() {
        t = TestRelay.start(b -> b.remainingInterval(Duration.ofMillis(200)));
        tech = t.technician("tess", Set.of("DACH"), Set.of("digital-cutter"));
        lead = t.user("lena", Set.of("DACH"), Set.of(), Set.of(Role.TEAM_LEAD));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    /** A machine with a connected agent. */
    static TestAgent machine(String id, Integer autoConsent) throws IOException {
        return t.online(id, new TestAgent(id).autoConsent(autoConsent));
    }

    static SessionView request(String machineId, int minutes, String token) {
        Answer a = t.api.post("/api/v1/sessions", new SessionRequest(machineId, "fault E42", "C-1", minutes), token);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.as(SessionView.class);
    }

    static SessionView await(String id, SessionState state, String token) {
        return Poll.value(WAIT, "session " + state, () -> {
            SessionView v = t.api.get("/api/v1/sessions/" + id, token).as(SessionView.class);
            return v.state() == state ? v : null;
        });
    }

    static List<AuditEvent> audit(String type, String sessionId) {
        return t.relay.core().auditEventsOfType(type).stream()
                .filter(e -> ("session:" + sessionId).equals(e.subject()))
                .toList();
    }

    @Test
    void unansweredRequest_expiresAtTheConsentDeadline_onTheRelaysClock() throws IOException {
        try (TestAgent agent = machine("m-timeout", null)) {
            String token = t.token(tech);
            SessionView s = request("m-timeout", 30, token);
            assertThat(s.consentDeadline()).isEqualTo(s.createdAt().plus(Duration.ofMinutes(2)));
            agent.await(ControlMessage.SessionRequested.class, WAIT);
            t.clock.advance(Duration.ofSeconds(119));
            t.relay.broker().tick();
            assertThat(t.api.get("/api/v1/sessions/" + s.id(), token)
                            .as(SessionView.class)
                            .state())
                    .isEqualTo(SessionState.PENDING_CONSENT);
            t.clock.advance(Duration.ofSeconds(1));
            SessionView expired = await(s.id(), SessionState.EXPIRED, token);
            assertThat(expired.endCause()).isEqualTo(EndCause.CONSENT_TIMEOUT);
            assertThat(agent.await(ControlMessage.SessionEnded.class, WAIT).cause())
                    .isEqualTo(EndCause.CONSENT_TIMEOUT);
            assertThat(audit(AuditEventTypes.CONSENT_TIMEOUT, s.id())).hasSize(1);
            Answer late = consentAndWait(agent, s.id(), true, 10);
            assertThat(late).isNull();
        }
    }

    @Test
    void operatorDeclines_andAGrantIsCappedByRequestAndMachine() throws IOException {
        try (TestAgent agent = machine("m-decline", null)) {
            String token = t.token(tech);
            SessionView s = request("m-decline", 30, token);
            agent.send(new ControlMessage.SessionConsent(s.id(), false, 0, "Olga"));
            assertThat(await(s.id(), SessionState.DECLINED, token).endCause()).isEqualTo(EndCause.DECLINED);
            assertThat(audit(AuditEventTypes.CONSENT_DECLINED, s.id())).hasSize(1);

            SessionView s2 = request("m-decline", 45, token);
            agent.send(new ControlMessage.SessionConsent(s2.id(), true, 90, "Olga"));
            assertThat(await(s2.id(), SessionState.ACTIVE, token).grantedMinutes())
                    .as("capped by the request")
                    .isEqualTo(45);
            t.api.post("/api/v1/sessions/" + s2.id() + "/end", "", token);

            SessionView s3 = request("m-decline", 300, token);
            agent.send(new ControlMessage.SessionConsent(s3.id(), true, 240, "Olga"));
            assertThat(await(s3.id(), SessionState.ACTIVE, token).grantedMinutes())
                    .as("capped by the machine")
                    .isEqualTo(60);
            t.api.post("/api/v1/sessions/" + s3.id() + "/end", "", token);
        }
    }

    @Test
    void oneLiveSessionPerMachine_aSecondRequestIs409MachineBusy() throws IOException {
        try (TestAgent agent = machine("m-busy", 20)) {
            String token = t.token(tech);
            SessionView s = request("m-busy", 20, token);
            Answer second = t.api.post("/api/v1/sessions", new SessionRequest("m-busy", "again", null, 5), token);
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.problemType()).isEqualTo("machine-busy");
            await(s.id(), SessionState.ACTIVE, token);
            assertThat(t.api.post("/api/v1/sessions", new SessionRequest("m-busy", "again", null, 5), token)
                            .problemType())
                    .isEqualTo("machine-busy");
            SessionView ended = t.api.post("/api/v1/sessions/" + s.id() + "/end", "{\"comment\":\"done\"}", token)
                    .as(SessionView.class);
            assertThat(ended.state()).isEqualTo(SessionState.ENDED);
            assertThat(agent.await(ControlMessage.SessionEnded.class, WAIT).cause())
                    .isEqualTo(EndCause.TECHNICIAN);
            assertThat(audit(AuditEventTypes.SESSION_ENDED, s.id()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.details())
                            .containsEntry("cause", "TECHNICIAN")
                            .containsEntry("detail", "done"));
        }
    }

    @Test
    void anotherTechnician_andAnAdministrator_cannotReadOrActOnASession_itAnswersAsUnknown() throws IOException {
        TestUser other = t.technician("otto", Set.of("DACH"), Set.of("digital-cutter"));
        TestUser admin = t.user("ada", Set.of("EMEA"), Set.of(), Set.of(Role.ADMIN));
        try (TestAgent agent = machine("m-owner", 20)) {
            String owner = t.token(tech);
            SessionView s = request("m-owner", 20, owner);
            await(s.id(), SessionState.ACTIVE, owner);
            String base = "/api/v1/sessions/" + s.id();
            for (TestUser stranger : List.of(other, admin)) {
                String token = t.token(stranger);
                assertThat(t.api.get(base, token).status())
                        .as(stranger.username())
                        .isEqualTo(404);
                assertThat(t.api.post(base + "/extend", new ExtendRequest(5), token)
                                .status())
                        .as(stranger.username())
                        .isEqualTo(404);
                assertThat(t.api.post(base + "/ticket", "", token).status())
                        .as(stranger.username())
                        .isEqualTo(404);
                assertThat(t.api.post(base + "/messages", new ChatRequest("hi"), token)
                                .status())
                        .as(stranger.username())
                        .isEqualTo(404);
                assertThat(t.api.post(base + "/end", "", token).status())
                        .as(stranger.username())
                        .isEqualTo(404);
            }
            // The session is untouched, and its owner still acts on it.
            assertThat(await(s.id(), SessionState.ACTIVE, owner).endCause()).isNull();
            assertThat(agent.poll(ControlMessage.SessionEnded.class)).isEmpty();
            assertThat(audit(AuditEventTypes.EXTENSION_REQUESTED, s.id())).isEmpty();
            assertThat(t.api.get(base, owner).status()).isEqualTo(200);
        }
    }

    @Test
    @SuppressWarnings("try") // the agent only has to be online and consent
    void ticketAtTheMomentTheTimeRunsOut_isAConflictNotAServerError() throws IOException {
        try (TestAgent agent = machine("m-late-ticket", 5)) {
            String token = t.token(tech);
            SessionView s = request("m-late-ticket", 5, token);
            SessionView active = await(s.id(), SessionState.ACTIVE, token);
            assertThat(t.api.post("/api/v1/sessions/" + s.id() + "/ticket", "", token)
                            .status())
                    .isEqualTo(200);
            t.clock.advance(Duration.between(t.clock.instant(), active.expiresAt()));
            Answer late = t.api.post("/api/v1/sessions/" + s.id() + "/ticket", "", token);
            assertThat(late.status()).as(late.body()).isEqualTo(409);
            assertThat(late.problemType()).isEqualTo("invalid-state");
        }
    }

    @Test
    void historyOfAnOverlongOrInventedId_is404_andTheDenialIsAudited() {
        String invented = "a".repeat(65);
        String longer = "b".repeat(300);
        for (String id : List.of(invented, longer)) {
            Answer a = t.api.get("/api/v1/history/sessions/" + id, t.token(lead));
            assertThat(a.status()).as(a.body()).isEqualTo(404);
        }
        List<AuditEvent> denied = t.relay.core().auditEventsOfType(AuditEventTypes.ACCESS_DENIED);
        assertThat(denied).anyMatch(e -> ("session:" + invented).equals(e.subject()));
        assertThat(denied)
                .anyMatch(e -> e.subject() != null
                        && e.subject().startsWith("session:bbbb")
                        && e.subject().length() == 200);
    }

    @Test
    void technicianWithdrawsAPendingRequest_andTheMachineIsTold() throws IOException {
        try (TestAgent agent = machine("m-cancel", null)) {
            String token = t.token(tech);
            SessionView s = request("m-cancel", 20, token);
            SessionView cancelled =
                    t.api.post("/api/v1/sessions/" + s.id() + "/end", "", token).as(SessionView.class);
            assertThat(cancelled.state()).isEqualTo(SessionState.CANCELLED);
            assertThat(agent.await(ControlMessage.SessionEnded.class, WAIT).cause())
                    .isEqualTo(EndCause.CANCELLED);
            assertThat(t.api.post("/api/v1/sessions/" + s.id() + "/end", "", token)
                            .problemType())
                    .isEqualTo("invalid-state");
        }
    }

    @Test
    void remoteServiceSwitchedOff_refusesRequests_andEndsTheLiveSession() throws IOException {
        try (TestAgent agent = machine("m-switch", 20)) {
            String token = t.token(tech);
            SessionView s = request("m-switch", 20, token);
            await(s.id(), SessionState.ACTIVE, token);
            agent.send(new ControlMessage.SwitchesChanged(new CustomerSwitches(false, false, false)));
            assertThat(await(s.id(), SessionState.ENDED, token).endCause()).isEqualTo(EndCause.SWITCH_OFF);
            Answer refused = t.api.post("/api/v1/sessions", new SessionRequest("m-switch", "x", null, 5), token);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.problemType()).isEqualTo("remote-service-off");
            assertThat(t.relay.core().auditEventsOfType(AuditEventTypes.SWITCH_CHANGED))
                    .anySatisfy(e -> assertThat(e.subject()).isEqualTo("machine:m-switch"));
            assertThat(t.api.get("/api/v1/machines/m-switch", token)
                            .json()
                            .path("switches")
                            .path("remoteService")
                            .asBoolean())
                    .isFalse();
        }
    }

    @Test
    void operatorEnds_theSessionEndsWithCauseOperator() throws IOException {
        try (TestAgent agent = machine("m-opend", 20)) {
            String token = t.token(tech);
            SessionView s = request("m-opend", 20, token);
            await(s.id(), SessionState.ACTIVE, token);
            agent.send(new ControlMessage.SessionEnded(s.id(), EndCause.OPERATOR, "pressed End"));
            assertThat(await(s.id(), SessionState.ENDED, token).endCause()).isEqualTo(EndCause.OPERATOR);
            assertThat(audit(AuditEventTypes.SESSION_ENDED, s.id()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("operator:m-opend"));
        }
    }

    @Test
    void extension_needsANewConsent_grantedMovesTheExpiry_declinedOrUnansweredDoesNot() throws IOException {
        try (TestAgent agent = machine("m-extend", null)) {
            String token = t.token(tech);
            SessionView s = request("m-extend", 20, token);
            agent.send(new ControlMessage.SessionConsent(s.id(), true, 20, "Olga"));
            SessionView active = await(s.id(), SessionState.ACTIVE, token);
            Answer ext = t.api.post("/api/v1/sessions/" + s.id() + "/extend", new ExtendRequest(15), token);
            assertThat(ext.status()).isEqualTo(202);
            ControlMessage.SessionRequested again = Poll.value(
                    WAIT,
                    "extension request",
                    () -> agent.poll(ControlMessage.SessionRequested.class)
                            .filter(ControlMessage.SessionRequested::extension)
                            .orElse(null));
            assertThat(again.requestedMinutes()).isEqualTo(15);
            assertThat(t.api.post("/api/v1/sessions/" + s.id() + "/extend", new ExtendRequest(5), token)
                            .problemType())
                    .as("one extension request at a time")
                    .isEqualTo("invalid-state");
            agent.send(new ControlMessage.SessionConsent(s.id(), true, 10, "Olga"));
            SessionView extended = Poll.value(WAIT, "extended", () -> {
                SessionView v = t.api.get("/api/v1/sessions/" + s.id(), token).as(SessionView.class);
                return v.expiresAt().isAfter(active.expiresAt()) ? v : null;
            });
            assertThat(extended.expiresAt()).isEqualTo(active.expiresAt().plus(Duration.ofMinutes(10)));
            assertThat(audit(AuditEventTypes.EXTENSION_GRANTED, s.id())).hasSize(1);

            t.api.post("/api/v1/sessions/" + s.id() + "/extend", new ExtendRequest(5), token);
            t.clock.advance(Duration.ofMinutes(2));
            t.relay.broker().tick();
            Poll.until(
                    WAIT,
                    "extension timeout audited",
                    () -> !audit(AuditEventTypes.EXTENSION_DECLINED, s.id()).isEmpty());
            assertThat(t.api.get("/api/v1/sessions/" + s.id(), token)
                            .as(SessionView.class)
                            .expiresAt())
                    .isEqualTo(extended.expiresAt());
            t.api.post("/api/v1/sessions/" + s.id() + "/end", "", token);
        }
    }

    @Test
    void eventStream_carriesStatesChatAndRemainingTime_thenCloses() throws Exception {
        try (TestAgent agent = machine("m-events", null)) {
            String token = t.token(tech);
            SessionView s = request("m-events", 20, token);
            BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
            BlockingQueue<String> closed = new LinkedBlockingQueue<>();
            EventSource source = EventSources.createFactory(t.api.http())
                    .newEventSource(
                            new Request.Builder()
                                    .url(t.api.base() + "/api/v1/sessions/" + s.id() + "/events")
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            new EventSourceListener() {
                                @Override
                                public void onEvent(EventSource es, String id, String type, String data) {
                                    events.add(new String[] {type, data});
                                }

                                @Override
                                public void onClosed(EventSource es) {
                                    closed.add("closed");
                                }

                                @Override
                                public void onFailure(EventSource es, Throwable t, okhttp3.Response r) {
                                    closed.add("failed " + t + " " + (r == null ? "" : r.code()));
                                }
                            });
            try {
                Answer plain = t.api.get("/api/v1/sessions/" + s.id() + "/events", token);
                assertThat(plain.status()).isEqualTo(400);
                assertThat(plain.json().path("detail").asText()).contains("Accept: text/event-stream");
                assertThat(next(events, "state")).contains("PENDING_CONSENT");
                agent.send(new ControlMessage.SessionConsent(s.id(), true, 20, "Olga"));
                assertThat(next(events, "state")).contains("\"ACTIVE\"");
                assertThat(next(events, "remaining")).contains("\"remainingSeconds\":1200");
                t.api.post("/api/v1/sessions/" + s.id() + "/messages", new ChatRequest("Hello Olga"), token);
                assertThat(agent.await(ControlMessage.Chat.class, WAIT).text()).isEqualTo("Hello Olga");
                agent.send(new ControlMessage.Chat(s.id(), "operator", "Olga", "Go ahead", t.clock.instant()));
                String chat = Poll.value(WAIT, "operator chat", () -> {
                    try {
                        String[] e = events.poll(50, TimeUnit.MILLISECONDS);
                        return e != null && e[0].equals("chat") && e[1].contains("Go ahead") ? e[1] : null;
                    } catch (InterruptedException ex) {
                        throw new AssertionError(ex);
                    }
                });
                assertThat(chat).contains("\"from\":\"operator\"");
                t.api.post("/api/v1/sessions/" + s.id() + "/end", "", token);
                assertThat(next(events, "state")).contains("\"ENDED\"").contains("TECHNICIAN");
                assertThat(closed.poll(10, TimeUnit.SECONDS)).isNotNull();
                assertThat(audit(AuditEventTypes.CHAT_MESSAGE, s.id())).hasSize(2);
            } finally {
                source.cancel();
            }
        }
    }

    @Test
    void history_showsTheTimelineWithAgentEvents_andServesTheRecordingInRanges() throws Exception {
        try (TestAgent agent = machine("m-history", 20);
                TestAgent stranger = machine("m-history-other", null);
                TestViewer viewer = new TestViewer()) {
            String token = t.token(tech);
            SessionView s = request("m-history", 20, token);
            await(s.id(), SessionState.ACTIVE, token);
            TicketResponse ticket = t.api.post("/api/v1/sessions/" + s.id() + "/ticket", "", token)
                    .as(TicketResponse.class);
            viewer.connect(ticket.sshPort(), ticket.hostKeyFingerprint(), ticket.username(), ticket.ticket())
                    .open(ticket.targetHost(), ticket.targetPort());
            viewer.read(12);
            viewer.write("RFB 003.008\n".getBytes());
            AuditEvent agentEvent = AuditChain.append(
                    "agent:m-history",
                    null,
                    AuditEvent.draft(
                            "SESSION_SHOWN",
                            "operator:m-history",
                            "session:" + s.id(),
                            t.clock.instant(),
                            Map.of("banner", "on")));
            agent.send(new ControlMessage.AuditBatch(List.of(agentEvent)));
            assertThat(agent.await(ControlMessage.AuditAck.class, WAIT).sequence())
                    .isEqualTo(1);
            // Another machine's agent names this session in its own chain: stored there, never in this timeline.
            AuditEvent forged = AuditChain.append(
                    "agent:m-history-other",
                    null,
                    AuditEvent.draft(
                            "SESSION_FORGED",
                            "operator:m-history-other",
                            "session:" + s.id(),
                            t.clock.instant(),
                            Map.of()));
            stranger.send(new ControlMessage.AuditBatch(List.of(forged)));
            assertThat(stranger.await(ControlMessage.AuditAck.class, WAIT).sequence())
                    .isEqualTo(1);
            t.api.post("/api/v1/sessions/" + s.id() + "/end", "", token);
            assertThat(viewer.awaitClosed(WAIT)).isTrue();

            String leadToken = t.token(lead);
            Answer list = t.api.get("/api/v1/history/sessions?machine=m-history", leadToken);
            assertThat(list.json().path("total").asLong()).isEqualTo(1);
            Poll.until(
                    WAIT,
                    "recording size stored",
                    () -> t.api.get("/api/v1/history/sessions?machine=m-history", leadToken)
                                    .json()
                                    .path("items")
                                    .get(0)
                                    .path("recordingBytes")
                                    .asLong()
                            > 0);
            Answer detail = t.api.get("/api/v1/history/sessions/" + s.id(), leadToken);
            List<String> types = new java.util.ArrayList<>();
            detail.json().path("timeline").forEach(e -> types.add(e.path("type").asText()));
            assertThat(types).doesNotContain("SESSION_FORGED");
            assertThat(types)
                    .contains(
                            "SESSION_REQUESTED",
                            "CONSENT_GIVEN",
                            "TICKET_ISSUED",
                            "CHANNEL_OPENED",
                            "SESSION_SHOWN",
                            "SESSION_ENDED");
            long size = t.api.get("/api/v1/history/sessions?machine=m-history", leadToken)
                    .json()
                    .path("items")
                    .get(0)
                    .path("recordingBytes")
                    .asLong();
            Answer whole = t.api.get("/api/v1/history/sessions/" + s.id() + "/recording", leadToken);
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(whole.header("Content-Length")).isEqualTo(Long.toString(size));
            Answer part = t.api.call(
                    new Request.Builder()
                            .url(t.api.base() + "/api/v1/history/sessions/" + s.id() + "/recording")
                            .header("Range", "bytes=0-6"),
                    leadToken);
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.body()).isEqualTo("FLRFBRE");
            assertThat(part.header("Content-Range")).isEqualTo("bytes 0-6/" + size);
            Answer beyond = t.api.call(
                    new Request.Builder()
                            .url(t.api.base() + "/api/v1/history/sessions/" + s.id() + "/recording")
                            .header("Range", "bytes=" + size + "-"),
                    leadToken);
            assertThat(beyond.status()).isEqualTo(416);
            assertThat(beyond.problemType()).isEqualTo("range-not-satisfiable");
            assertThat(t.api.get("/api/v1/history/sessions/" + s.id() + "/recording?segment=2", leadToken)
                            .status())
                    .isEqualTo(404);
        }
    }

    private static Answer consentAndWait(TestAgent agent, String id, boolean allow, int minutes) throws IOException {
        agent.send(new ControlMessage.SessionConsent(id, allow, minutes, "Olga"));
        ControlMessage.Error e = agent.await(ControlMessage.Error.class, WAIT);
        assertThat(e.code()).isEqualTo("invalid-state");
        return null;
    }

    private static String next(BlockingQueue<String[]> events, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String[] e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e[0].equals(kind)) {
                return e[1];
            }
        }
        throw new AssertionError("no " + kind + " event");
    }
}
