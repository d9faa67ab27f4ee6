package dev.fieldlink.console.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.auth.client.InMemoryTokenStore;
import dev.fieldlink.auth.client.StoredTokens;
import dev.fieldlink.protocol.api.SessionEvent;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionEventStreamTest {
    private MockRelay relay;
    private RelayClient client;
    private final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();

    private final SessionEventStream.Listener listener = new SessionEventStream.Listener() {
        @Override
        public void onEvent(SessionEvent event) {
            seen.add(event);
        }

        @Override
        public void onStopped(RelayException cause) {
            seen.add(cause == null ? "stopped" : cause);
        }
    };

    @BeforeEach
    void start() throws Exception {
        relay = new MockRelay();
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        tokens.save(new StoredTokens("access", null, "refresh", null));
        client = new RelayClient(relay.address(), RelayTls.pinned(MockRelay.pin()), tokens);
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    private static String event(String id, String kind, String json) {
        return (id == null ? "" : "id: " + id + "\n") + "event: " + kind + "\ndata: " + json + "\n\n";
    }

    private void stream(String body) {
        relay.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(body)
                .build());
    }

    private Object next() throws InterruptedException {
        Object item = seen.poll(10, TimeUnit.SECONDS);
        assertThat(item).as("expected another event").isNotNull();
        return item;
    }

    @Test
    void events_arriveInOrder_theStreamReconnectsWithLastEventId_andStopsAtAFinalState() throws Exception {
        stream(event("1", "state", "{\"kind\":\"state\",\"sessionId\":\"s1\",\"state\":\"ACTIVE\"}")
                + event("2", "remaining", "{\"kind\":\"remaining\",\"sessionId\":\"s1\",\"remainingSeconds\":900}"));
        stream(event(
                "3",
                "state",
                "{\"kind\":\"state\",\"sessionId\":\"s1\",\"state\":\"ENDED\",\"endCause\":\"OPERATOR\"}"));

        try (SessionEventStream events = client.sessionEvents("s1", listener)) {
            assertThat(((SessionEvent) next()).state()).isEqualTo(SessionState.ACTIVE);
            assertThat(((SessionEvent) next()).remainingSeconds()).isEqualTo(900L);
            SessionEvent end = (SessionEvent) next();
            assertThat(end.endCause()).isEqualTo(EndCause.OPERATOR);
            assertThat(next()).isEqualTo("stopped");
            assertThat(events.isStopped()).isTrue();
        }
        RecordedRequest first = relay.take();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/sessions/s1/events");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer access");
        assertThat(relay.take().getHeaders().get("Last-Event-ID")).isEqualTo("2");
        assertThat(relay.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void malformedEvent_isSkipped_andTheStreamGoesOn() throws Exception {
        stream(event(null, "chat", "{not json")
                + event(null, "state", "{\"kind\":\"state\",\"sessionId\":\"s1\",\"state\":\"DECLINED\"}"));
        try (SessionEventStream events = client.sessionEvents("s1", listener)) {
            assertThat(((SessionEvent) next()).state()).isEqualTo(SessionState.DECLINED);
            assertThat(next()).isEqualTo("stopped");
            assertThat(events.isStopped()).isTrue();
        }
    }

    @Test
    void notFound_stopsForGood_withTheProblem() throws Exception {
        relay.problem(404, "not-found", "No such session", "");
        try (SessionEventStream events = client.sessionEvents("s1", listener)) {
            RelayException e = (RelayException) next();
            assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND);
            assertThat(events.isStopped()).isTrue();
        }
    }

    @Test
    void close_stopsReconnecting() throws Exception {
        stream(event(null, "remaining", "{\"kind\":\"remaining\",\"sessionId\":\"s1\",\"remainingSeconds\":5}"));
        SessionEventStream events = client.sessionEvents("s1", listener);
        assertThat(((SessionEvent) next()).remainingSeconds()).isEqualTo(5L);
        events.close();
        assertThat(next()).isEqualTo("stopped");
        assertThat(events.isStopped()).isTrue();
    }

    @Test
    void backoff_repeatsItsLastDelay() {
        SessionEventStream.Backoff backoff =
                new SessionEventStream.Backoff(List.of(Duration.ofMillis(1), Duration.ofMillis(7)));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(1));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMillis(7));
    }
}
