package dev.fieldlink.console.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.console.relay.MockRelay;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.Certification;
import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.api.HistoryDetail;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.protocol.api.MachineView;
import dev.fieldlink.protocol.api.MeResponse;
import dev.fieldlink.protocol.api.Page;
import dev.fieldlink.protocol.api.SessionEvent;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TokenResponse;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A stand-in that answers like the relay's contract, with canned data, so GUI tests can drive and photograph every
 * screen before the real relay exists. It isolates the console; it proves nothing about the relay. The operator's
 * consent waits for {@link #consent}, so a test can look at the waiting view.
 */
public final class ScriptedRelay extends Dispatcher implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-11-23T09:30:00Z");
    private static final ObjectMapper JSON = Json.mapper();

    public final MockRelay relay;
    public final CountDownLatch consent = new CountDownLatch(1);
    private final Map<String, SessionView> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String user = "anna";
    /** The machine's screen behind the ticket endpoint; without it, tickets are refused as the relay would. */
    public volatile dev.fieldlink.console.screen.TestScreen screen;
    /** What {@code history/sessions/{id}/recording} serves. */
    public volatile byte[] recording = new byte[300_000];
    /** Every request as {@code METHOD path} (path without {@code /api/v1/}), in arrival order. */
    public final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** When set, {@code POST sessions} creates the request at once but answers only once this opens. */
    public volatile CountDownLatch sessionReply;
    /** When not 0, {@code POST sessions/{id}/end} fails with this status (the relay unreachable or overloaded). */
    public volatile int endFailure;

    public ScriptedRelay() throws IOException {
        relay = new MockRelay();
        relay.server.setDispatcher(this);
    }

    static final List<MachineView> MACHINES = List.of(
            machine("m1", "Speedmaster XL 106", "Druckerei Keller", "Augsburg", "DACH", "presses", "XL 106", true, 0),
            machine("m2", "Speedmaster CX 75", "Wagner Verpackung", "Linz", "DACH", "presses", "CX 75", true, 0),
            machine("m3", "Cutter Pro 3200", "Alpen Zuschnitt", "Innsbruck", "DACH", "cutters", "CP 3200", true, 0),
            machine("m4", "Cutter Pro 2100", "Muster Karton", "Zürich", "DACH", "cutters", "CP 2100", false, 47),
            machine("m5", "Folder FX 80", "Druckhaus Süd", "Graz", "DACH", "presses", "FX 80", true, 0),
            machine("m6", "Speedmaster SX 52", "Print Partner", "Bern", "DACH", "presses", "SX 52", false, 600));

    private static MachineView machine(
            String id,
            String name,
            String customer,
            String site,
            String region,
            String line,
            String model,
            boolean online,
            long minutesAgo) {
        return new MachineView(
                id,
                "SN-" + id.toUpperCase(),
                name,
                customer,
                site,
                region,
                line,
                model,
                online,
                T0.minusSeconds(60 * minutesAgo + 20),
                new CustomerSwitches(true, false, false),
                60);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            return answer(request);
        } catch (Exception e) {
            return problem(500, "internal", e.toString());
        }
    }

    private MockResponse answer(RecordedRequest r) throws Exception {
        String path = r.getUrl().encodedPath().replaceFirst("^/api/v1/", "");
        String method = r.getMethod();
        calls.add(method + " " + path);
        if (path.equals("auth/login")) {
            JsonNode body = JSON.readTree(r.getBody().utf8());
            if (body.get("password").asText().equals("wrong")) {
                return problem(401, "invalid-credentials", "Username, password or code is wrong");
            }
            if (body.get("username").asText().equals("locked")) {
                return problem(429, "account-locked", "Locked\",\"retryAfterSeconds\":840,\"x\":\"");
            }
            user = body.get("username").asText();
            return json(
                    200, new TokenResponse("at-" + user, "Bearer", T0.plusSeconds(600), "rt", T0.plusSeconds(9000)));
        }
        if (path.equals("auth/logout")) {
            return new MockResponse.Builder().code(204).build();
        }
        if (path.equals("me")) {
            boolean lead = user.equals("lead");
            return json(
                    200,
                    new MeResponse(
                            "u-" + user,
                            user,
                            lead ? "Lena Hoffmann" : "Anna Berger",
                            "Fieldlink Service GmbH",
                            lead ? Set.of(Role.TEAM_LEAD) : Set.of(Role.TECHNICIAN),
                            List.of("DACH"),
                            List.of(new Certification("presses", LocalDate.parse("2027-06-30"))),
                            LocalDate.parse("2026-01-10"),
                            LocalDate.parse("2027-01-10")));
        }
        if (path.equals("machines")) {
            List<MachineView> list = user.equals("nobody") ? List.of() : MACHINES;
            return json(200, new Page<>(list, list.size(), 0, 500));
        }
        if (path.equals("sessions") && method.equals("POST")) {
            JsonNode body = JSON.readTree(r.getBody().utf8());
            String id = "s" + ids.incrementAndGet();
            SessionView s = new SessionView(
                    id,
                    body.get("machineId").asText(),
                    "u-" + user,
                    SessionState.PENDING_CONSENT,
                    body.get("reason").asText(),
                    null,
                    body.get("requestedMinutes").asInt(),
                    null,
                    T0,
                    T0.plusSeconds(120),
                    null,
                    null,
                    null,
                    null);
            sessions.put(id, s);
            CountDownLatch reply = sessionReply;
            if (reply != null) {
                reply.await(30, TimeUnit.SECONDS);
            }
            return json(201, s);
        }
        if (path.matches("sessions/[^/]+/events")) {
            String id = path.split("/")[1];
            SessionView s = sessions.get(id);
            if (r.getHeaders().get("Last-Event-ID") != null || s.state().isFinal()) {
                return new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "text/event-stream")
                        .bodyDelay(60, TimeUnit.SECONDS)
                        .body(": still here\n\n")
                        .build();
            }
            if (s.machineId().equals("m2")) {
                sessions.put(id, with(s, SessionState.DECLINED, null, EndCause.DECLINED));
                return sse(event(
                        "1",
                        new SessionEvent(
                                SessionEvent.STATE,
                                id,
                                SessionState.DECLINED,
                                EndCause.DECLINED,
                                null,
                                null,
                                null,
                                T0)));
            }
            consent.await(30, TimeUnit.SECONDS);
            Instant expires = T0.plusSeconds(30 * 60);
            sessions.put(id, with(s, SessionState.ACTIVE, expires, null));
            return sse(event(
                            "1",
                            new SessionEvent(
                                    SessionEvent.STATE, id, SessionState.ACTIVE, null, expires, null, null, T0))
                    + event(
                            "2",
                            new SessionEvent(
                                    SessionEvent.CHAT,
                                    id,
                                    null,
                                    null,
                                    null,
                                    null,
                                    new ChatLine(
                                            ChatLine.FROM_OPERATOR, "M. Huber", "Hello, the press stops with E42.", T0),
                                    T0)));
        }
        if (path.matches("sessions/[^/]+/end")) {
            if (endFailure != 0) {
                return problem(endFailure, "unavailable", "The relay is overloaded");
            }
            String id = path.split("/")[1];
            SessionView s = sessions.get(id);
            sessions.put(
                    id,
                    s.state() == SessionState.ACTIVE
                            ? with(s, SessionState.ENDED, null, EndCause.TECHNICIAN)
                            : with(s, SessionState.CANCELLED, null, EndCause.CANCELLED));
            return new MockResponse.Builder().code(204).build();
        }
        if (path.matches("sessions/[^/]+/ticket") && method.equals("POST")) {
            SessionView s = sessions.get(path.split("/")[1]);
            if (screen == null || s == null || s.state() != SessionState.ACTIVE) {
                return problem(409, "invalid-state", "The session is not active");
            }
            return json(200, screen.ticket("u-" + user));
        }
        if (path.matches("sessions/[^/]+/(messages|extend)")) {
            return new MockResponse.Builder().code(202).build();
        }
        if (path.matches("sessions/[^/]+")) {
            return json(200, sessions.get(path.split("/")[1]));
        }
        if (path.equals("history/sessions")) {
            return json(200, new Page<>(HISTORY, HISTORY.size(), 0, 50));
        }
        if (path.matches("history/sessions/[^/]+/recording")) {
            return new MockResponse.Builder()
                    .code(200)
                    .body(new Buffer().write(recording))
                    .build();
        }
        if (path.matches("history/sessions/[^/]+")) {
            String id = path.split("/")[2];
            HistoryEntry entry = HISTORY.stream()
                    .filter(h -> h.sessionId().equals(id))
                    .findFirst()
                    .orElseThrow();
            return json(200, new HistoryDetail(entry, timeline(entry)));
        }
        return problem(404, "not-found", "No such resource");
    }

    static final List<HistoryEntry> HISTORY = List.of(
            new HistoryEntry(
                    "h1",
                    "m1",
                    "Speedmaster XL 106",
                    "Druckerei Keller",
                    "DACH",
                    "u-anna",
                    "Anna Berger",
                    SessionState.ENDED,
                    EndCause.OPERATOR,
                    "Feeder stops with E42",
                    "CASE-1042",
                    T0.minusSeconds(7200),
                    T0.minusSeconds(7170),
                    T0.minusSeconds(5400),
                    300_000L),
            new HistoryEntry(
                    "h2",
                    "m3",
                    "Cutter Pro 3200",
                    "Alpen Zuschnitt",
                    "DACH",
                    "u-ben",
                    "Ben Keller",
                    SessionState.DECLINED,
                    EndCause.DECLINED,
                    "Blade calibration",
                    null,
                    T0.minusSeconds(86_400),
                    null,
                    null,
                    null),
            new HistoryEntry(
                    "h3",
                    "m5",
                    "Folder FX 80",
                    "Druckhaus Süd",
                    "DACH",
                    "u-anna",
                    "Anna Berger",
                    SessionState.ENDED,
                    EndCause.EXPIRED,
                    "Update fold plan",
                    "CASE-0991",
                    T0.minusSeconds(172_800),
                    T0.minusSeconds(172_760),
                    T0.minusSeconds(171_000),
                    120_000L));

    private static List<AuditEvent> timeline(HistoryEntry e) {
        String subject = "session:" + e.sessionId();
        String tech = "technician:" + e.technicianId();
        String op = "operator:" + e.machineId();
        Instant t = e.createdAt();
        return List.of(
                new AuditEvent(
                        "relay",
                        1,
                        "SESSION_REQUESTED",
                        tech,
                        subject,
                        t,
                        Map.of("reason", e.reason(), "minutes", "30"),
                        "0",
                        "a"),
                new AuditEvent(
                        "relay",
                        2,
                        "CONSENT_GIVEN",
                        op,
                        subject,
                        t.plusSeconds(28),
                        Map.of("grantedMinutes", "30"),
                        "a",
                        "b"),
                new AuditEvent("relay", 3, "CHANNEL_OPENED", tech, subject, t.plusSeconds(31), Map.of(), "b", "c"),
                new AuditEvent(
                        "relay",
                        4,
                        "INPUT_CLICK",
                        tech,
                        subject,
                        t.plusSeconds(95),
                        Map.of("x", "412", "y", "318", "button", "1"),
                        "c",
                        "d"),
                new AuditEvent(
                        "relay",
                        5,
                        "CHAT_MESSAGE",
                        op,
                        subject,
                        t.plusSeconds(130),
                        Map.of("text", "Please check the feeder sensor"),
                        "d",
                        "e"),
                new AuditEvent(
                        "relay",
                        6,
                        "INPUT_KEYS",
                        tech,
                        subject,
                        t.plusSeconds(300),
                        Map.of("text", "reset E42"),
                        "e",
                        "f"),
                new AuditEvent(
                        "relay",
                        7,
                        "SESSION_ENDED",
                        op,
                        subject,
                        t.plusSeconds(1800),
                        Map.of("cause", "OPERATOR"),
                        "f",
                        "g"));
    }

    private static SessionView with(SessionView s, SessionState state, Instant expires, EndCause cause) {
        return new SessionView(
                s.id(),
                s.machineId(),
                s.technicianId(),
                state,
                s.reason(),
                s.caseNumber(),
                s.requestedMinutes(),
                state == SessionState.ACTIVE ? Integer.valueOf(30) : s.grantedMinutes(),
                s.createdAt(),
                s.consentDeadline(),
                state == SessionState.ACTIVE ? T0 : s.startedAt(),
                expires != null ? expires : s.expiresAt(),
                state.isFinal() ? T0 : null,
                cause);
    }

    private static String event(String id, SessionEvent event) throws IOException {
        return "id: " + id + "\nevent: " + event.kind() + "\ndata: " + JSON.writeValueAsString(event) + "\n\n";
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(body)
                .build();
    }

    private static MockResponse json(int code, Object body) throws IOException {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(JSON.writeValueAsString(body))
                .build();
    }

    private static MockResponse problem(int code, String type, String detail) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"https://fieldlink.dev/problems/" + type + "\",\"status\":" + code + ",\"detail\":\""
                        + detail + "\"}")
                .build();
    }

    @Override
    public void close() {
        consent.countDown();
        CountDownLatch reply = sessionReply;
        if (reply != null) {
            reply.countDown();
        }
        relay.close();
    }
}
