package dev.fieldlink.relay.session;

import static dev.fieldlink.protocol.audit.AuditEventTypes.CONSENT_DECLINED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.CONSENT_TIMEOUT;
import static dev.fieldlink.protocol.audit.AuditEventTypes.SESSION_CANCELLED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.SESSION_ENDED;

import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.machine.AgentGateway;
import dev.fieldlink.relay.machine.MachineRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the broker's two sides share: the live sessions (pending or active) in memory, per-session locks, the one
 * place where a transition is written (conditional on the state it starts from), and how finished sessions are
 * audited and announced to the machine and the listeners. Thread-safe.
 */
final class SessionCore {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCore.class);

    /** What a {@code session.requested} line leaves for the photo: the rest is bounded by the 64 KiB request body. */
    private static final int PHOTO_BUDGET = ControlMessage.MAX_RELAY_LINE_BYTES - 64 * 1024;

    final SessionRepository sessions;
    final MachineRepository machines;
    final AccountRepository accounts;
    final AgentGateway agents;
    final AuditLog audit;
    final Clock clock;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<String, SessionRecord> live = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    SessionCore(
            SessionRepository sessions,
            MachineRepository machines,
            AccountRepository accounts,
            AgentGateway agents,
            AuditLog audit,
            Clock clock) {
        this.sessions = sessions;
        this.machines = machines;
        this.accounts = accounts;
        this.agents = agents;
        this.audit = audit;
        this.clock = clock;
    }

    void addListener(SessionListener l) {
        listeners.add(l);
    }

    /** Remembers a live session (creation, recovery). */
    void track(SessionRecord s) {
        live.put(s.id(), s);
    }

    Optional<SessionRecord> live(String id) {
        return Optional.ofNullable(live.get(id));
    }

    List<SessionRecord> liveSessions() {
        return List.copyOf(live.values());
    }

    Optional<SessionRecord> finish(String id, SessionState to, EndCause cause, String actor, String detail) {
        Instant now = clock.instant();
        Optional<SessionRecord> done =
                transition(id, cur -> cur.state().canMoveTo(to) ? cur.finished(to, now, cause) : null);
        done.ifPresent(s -> {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("cause", cause.name());
            details.put("machine", s.machineId());
            details.put("detail", detail);
            String type = switch (to) {
                case DECLINED -> CONSENT_DECLINED;
                case EXPIRED -> CONSENT_TIMEOUT;
                case CANCELLED -> SESSION_CANCELLED;
                default -> SESSION_ENDED;
            };
            audit.record(type, actor, s.subject(), details);
            if (cause != EndCause.DECLINED) {
                agents.send(s.machineId(), new ControlMessage.SessionEnded(s.id(), cause, detail));
            }
            notifyState(s);
        });
        return done;
    }

    /**
     * Applies {@code change} to the current record under the session's lock; a null result means "not allowed
     * now". Writes conditionally on the state read.
     */
    Optional<SessionRecord> transition(String id, UnaryOperator<SessionRecord> change) {
        Object lock = locks.computeIfAbsent(id, k -> new Object());
        synchronized (lock) {
            SessionRecord cur = live.get(id);
            if (cur == null) {
                cur = sessions.find(id).orElse(null);
            }
            if (cur == null) {
                return Optional.empty();
            }
            SessionRecord next = change.apply(cur);
            if (next == null) {
                return Optional.empty();
            }
            if (!sessions.update(next, cur.state())) {
                SessionRecord fresh = sessions.find(id).orElse(null);
                if (fresh == null || !fresh.live()) {
                    live.remove(id);
                } else {
                    live.put(id, fresh);
                }
                return Optional.empty();
            }
            if (next.live()) {
                live.put(id, next);
            } else {
                live.remove(id);
                locks.remove(id);
            }
            return Optional.of(next);
        }
    }

    ControlMessage.SessionRequested requested(
            SessionRecord s, Account technician, int minutes, Instant deadline, boolean extension) {
        String photo = accounts.photo(technician.id())
                .map(b -> Base64.getEncoder().encodeToString(b))
                .filter(b64 -> fitsControlLine(b64, technician))
                .orElse(null);
        return new ControlMessage.SessionRequested(
                s.id(),
                technician.id(),
                technician.displayName(),
                technician.company(),
                photo,
                s.reason(),
                s.caseNumber(),
                minutes,
                deadline,
                extension);
    }

    /**
     * Stored photos are at most 256x256 and so fit an agent's line limit; one that does not (a photo stored by an
     * older relay) is left out rather than making the whole request unreadable for the agent.
     */
    private static boolean fitsControlLine(String photoBase64, Account technician) {
        boolean fits = photoBase64.length() <= PHOTO_BUDGET;
        if (!fits) {
            LOG.warn(
                    "Photo of technician {} is {} bytes in Base64, over the {} a control line leaves for it;"
                            + " the operator is asked without it",
                    technician.id(),
                    photoBase64.length(),
                    PHOTO_BUDGET);
        }
        return fits;
    }

    void notifyState(SessionRecord s) {
        for (SessionListener l : listeners) {
            safely(() -> l.onStateChanged(s));
        }
    }

    void notifyExtension(SessionRecord s, boolean granted) {
        listeners.forEach(l -> safely(() -> l.onExtension(s, granted)));
    }

    void notifyChat(SessionRecord s, dev.fieldlink.protocol.api.ChatLine line) {
        listeners.forEach(l -> safely(() -> l.onChat(s, line)));
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("session listener failed: {}", e.toString());
        }
    }
}
