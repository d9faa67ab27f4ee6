package dev.fieldlink.relay.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.api.SessionEvent;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.session.SessionListener;
import dev.fieldlink.relay.session.SessionRecord;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent event streams of {@code GET sessions/{id}/events}. Each stream starts with the current {@code state},
 * then carries every state change, chat line, extension answer, and every {@code sessions.remainingInterval} the
 * {@code remaining} seconds of an active session. A stream closes after the session reached a final state. Writes to
 * one client are serialised. Thread-safe.
 */
final class SessionEvents implements SessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Set<SseClient>> clients = new ConcurrentHashMap<>();
    private final Map<String, SessionRecord> latest = new ConcurrentHashMap<>();

    SessionEvents(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Starts streaming a session to a client that was already authorised. Returns when the stream ends. */
    void stream(SseClient client, SessionRecord current) {
        String id = current.id();
        latest.merge(id, current, (a, b) -> a);
        clients.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(client);
        client.onClose(() -> remove(id, client));
        SessionRecord now = latest.getOrDefault(id, current);
        send(client, stateEvent(now));
        if (now.state().isFinal()) {
            client.close();
            return;
        }
        client.keepAlive();
    }

    /** Sends the remaining time of active sessions to their streams; the relay calls this periodically. */
    void tickRemaining() {
        Instant now = clock.instant();
        for (Map.Entry<String, Set<SseClient>> e : clients.entrySet()) {
            SessionRecord s = latest.get(e.getKey());
            if (s == null || s.state() != SessionState.ACTIVE || s.expiresAt() == null) {
                continue;
            }
            long remaining = Math.max(0, Duration.between(now, s.expiresAt()).toSeconds());
            SessionEvent ev = new SessionEvent(
                    SessionEvent.REMAINING, s.id(), s.state(), null, s.expiresAt(), remaining, null, now);
            e.getValue().forEach(c -> send(c, ev));
        }
    }

    int openStreams() {
        return clients.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void onStateChanged(SessionRecord s) {
        latest.put(s.id(), s);
        Set<SseClient> set = clients.get(s.id());
        if (set == null) {
            if (s.state().isFinal()) {
                latest.remove(s.id());
            }
            return;
        }
        SessionEvent ev = stateEvent(s);
        for (SseClient c : set) {
            send(c, ev);
            if (s.state().isFinal()) {
                c.close();
            }
        }
        if (s.state().isFinal()) {
            latest.remove(s.id());
        }
    }

    @Override
    public void onExtension(SessionRecord s, boolean granted) {
        latest.put(s.id(), s);
        SessionEvent ev = new SessionEvent(
                SessionEvent.EXTENSION,
                s.id(),
                s.state(),
                null,
                s.expiresAt(),
                remaining(s),
                granted ? null : new ChatLine(ChatLine.FROM_OPERATOR, "relay", "extension declined", clock.instant()),
                clock.instant());
        clients.getOrDefault(s.id(), Set.of()).forEach(c -> send(c, ev));
    }

    @Override
    public void onChat(SessionRecord s, ChatLine line) {
        SessionEvent ev = new SessionEvent(SessionEvent.CHAT, s.id(), s.state(), null, null, null, line, line.at());
        clients.getOrDefault(s.id(), Set.of()).forEach(c -> send(c, ev));
    }

    private SessionEvent stateEvent(SessionRecord s) {
        return new SessionEvent(
                SessionEvent.STATE,
                s.id(),
                s.state(),
                s.endCause(),
                s.expiresAt(),
                remaining(s),
                null,
                clock.instant());
    }

    private Long remaining(SessionRecord s) {
        if (s.state() != SessionState.ACTIVE || s.expiresAt() == null) {
            return null;
        }
        return Math.max(0, Duration.between(clock.instant(), s.expiresAt()).toSeconds());
    }

    private void send(SseClient c, SessionEvent ev) {
        if (c.terminated()) {
            return;
        }
        String json;
        try {
            json = mapper.writeValueAsString(ev);
        } catch (JsonProcessingException e) {
            LOG.error("session event cannot be serialised: {}", e.toString());
            return;
        }
        synchronized (c) {
            try {
                c.sendEvent(ev.kind(), json);
            } catch (RuntimeException e) {
                LOG.debug("event stream closed while sending: {}", e.toString());
                c.close();
            }
        }
    }

    private void remove(String id, SseClient c) {
        clients.computeIfPresent(id, (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
    }
}
