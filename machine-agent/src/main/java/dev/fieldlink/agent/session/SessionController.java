package dev.fieldlink.agent.session;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.config.SessionSettings;
import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import java.io.Closeable;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's session state machine: at most one request awaiting consent and at most one active session. It asks
 * the {@link Operator}, answers the relay, runs the agent's own expiry clock ({@link #tick}, on the injected clock),
 * closes the screen channels of a session that ends for any cause, and writes an audit event for every step.
 *
 * <p>Thread-safe: every method takes the controller's lock. Listeners and the operator are called with it held.
 */
public final class SessionController {
    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);

    /** Longest chat line accepted from either side, in characters. */
    public static final int MAX_CHAT_CHARS = 1000;

    private final String machineId;
    private final SessionSettings settings;
    private final Clock clock;
    private final SessionAudit audit;
    private final Operator operator;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ScreenRegistry screens = new ScreenRegistry();
    private RelayLink relay = RelayLink.NONE;
    private boolean remoteService;
    private ConsentRequest pending;
    private ActiveSession active;
    private Ended lastEnded;

    /** How the last session or request ended, for the panel. */
    public record Ended(String sessionId, EndCause cause, String detail, Instant at) {}

    public SessionController(
            String machineId,
            SessionSettings settings,
            Clock clock,
            AuditLog audit,
            Operator operator,
            boolean remoteService) {
        this.machineId = Objects.requireNonNull(machineId, "machineId");
        this.settings = settings;
        this.clock = clock;
        this.audit = new SessionAudit(audit, machineId);
        this.operator = operator;
        this.remoteService = remoteService;
    }

    public void addListener(SessionListener l) {
        listeners.add(l);
    }

    public void removeListener(SessionListener l) {
        listeners.remove(l);
    }

    public synchronized void setRelayLink(RelayLink link) {
        this.relay = link == null ? RelayLink.NONE : link;
    }

    public synchronized Optional<ActiveSession> active() {
        return Optional.ofNullable(active);
    }

    public synchronized Optional<ConsentRequest> pending() {
        return Optional.ofNullable(pending);
    }

    public synchronized Optional<Ended> lastEnded() {
        return Optional.ofNullable(lastEnded);
    }

    // ---- requests and consent -------------------------------------------------------------------------------

    /** The relay asks for a session (or for more time in the active one). */
    public synchronized void onRequested(ControlMessage.SessionRequested r) {
        if (r.sessionId() == null || r.sessionId().isBlank() || r.requestedMinutes() < 1) {
            LOG.warn("Ignoring a session request without id or with {} minutes", r.requestedMinutes());
            relay.send(new ControlMessage.Error(
                    "bad-request", "session.requested needs sessionId and requestedMinutes >= 1"));
            return;
        }
        audit.requested(r);

        String refusal = null;
        if (!remoteService) {
            refusal = "remote service is switched off at the machine";
        } else if (pending != null) {
            refusal = "another request is awaiting the operator";
        } else if (r.extension() && (active == null || !active.sessionId().equals(r.sessionId()))) {
            refusal = "no active session " + r.sessionId() + " to extend";
        } else if (!r.extension() && active != null) {
            refusal = "a session is already active";
        }
        if (refusal != null) {
            audit.refused(r.sessionId(), r.extension(), refusal);
            relay.send(new ControlMessage.SessionConsent(r.sessionId(), false, 0, audit.agent()));
            return;
        }
        int max = Math.min(r.requestedMinutes(), settings.maxMinutes());
        Instant deadline = clock.instant().plus(settings.consentTimeout());
        if (r.consentDeadline() != null && r.consentDeadline().isBefore(deadline)) {
            deadline = r.consentDeadline();
        }
        pending = new ConsentRequest(
                r.sessionId(),
                r.technicianId(),
                r.technicianName(),
                r.company(),
                decodePhoto(r.photoPng()),
                r.reason(),
                r.caseNumber(),
                r.requestedMinutes(),
                max,
                deadline,
                r.extension());
        ConsentRequest asked = pending;
        operator.consentRequested(asked, decision -> decide(asked.sessionId(), decision));
    }

    /**
     * The operator's answer. Ignored when the request is no longer open (answered, timed out or withdrawn).
     *
     * @return true if the answer was taken
     * @throws IllegalArgumentException if an allowed duration is not between 1 and the request's maximum
     */
    public synchronized boolean decide(String sessionId, ConsentDecision decision) {
        if (pending == null || !pending.sessionId().equals(sessionId)) {
            return false;
        }
        ConsentRequest request = pending;
        if (request.extension() && (active == null || !active.sessionId().equals(sessionId))) {
            // The session to extend is over; ending it withdraws its extension, so this cannot stay open.
            pending = null;
            return false;
        }
        if (decision.allowed() && (decision.minutes() < 1 || decision.minutes() > request.maxMinutes())) {
            throw new IllegalArgumentException("granted minutes must be between 1 and " + request.maxMinutes()
                    + " (was " + decision.minutes() + ")");
        }
        pending = null;
        String who =
                decision.operator() == null || decision.operator().isBlank() ? audit.operator() : decision.operator();
        if (!decision.allowed()) {
            audit.declined(request, who);
            relay.send(new ControlMessage.SessionConsent(sessionId, false, 0, who));
            if (!request.extension()) {
                ended(sessionId, EndCause.DECLINED, null);
            }
            return true;
        }
        Instant now = clock.instant();
        Instant expiresAt = request.extension()
                ? active.expiresAt().plusSeconds(60L * decision.minutes())
                : now.plusSeconds(60L * decision.minutes());
        audit.granted(request, who, decision.minutes(), expiresAt);
        relay.send(new ControlMessage.SessionConsent(sessionId, true, decision.minutes(), who));
        if (request.extension()) {
            active = active.extendedTo(expiresAt);
            listeners.forEach(l -> l.sessionExtended(active));
        } else {
            active = new ActiveSession(
                    sessionId,
                    request.technicianId(),
                    request.technicianName(),
                    request.company(),
                    request.photoPng(),
                    request.reason(),
                    request.caseNumber(),
                    now,
                    expiresAt);
            listeners.forEach(l -> l.sessionStarted(active));
        }
        return true;
    }

    // ---- ending ---------------------------------------------------------------------------------------------

    /** Checks the consent deadline and the session's expiry on the agent's clock; call often (every 250 ms). */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (pending != null && !now.isBefore(pending.deadline())) {
            ConsentRequest lapsed = pending;
            pending = null;
            audit.timedOut(lapsed);
            operator.consentWithdrawn(lapsed.sessionId(), EndCause.CONSENT_TIMEOUT);
            if (!lapsed.extension()) {
                ended(lapsed.sessionId(), EndCause.CONSENT_TIMEOUT, null);
            }
        }
        if (active != null && !now.isBefore(active.expiresAt())) {
            endActive(EndCause.EXPIRED, "the granted time is over", true);
        }
    }

    /** The operator pressed End now. */
    public synchronized void endByOperator() {
        if (active != null) {
            endActive(EndCause.OPERATOR, "ended by the operator", true);
        }
    }

    /**
     * The relay says a session or request is over. A session with an extension awaiting the operator is over as a
     * whole: the extension is withdrawn and the session ends.
     */
    public synchronized void onEnded(ControlMessage.SessionEnded message) {
        EndCause cause = message.cause() == null ? EndCause.ADMIN : message.cause();
        if (pending != null && pending.sessionId().equals(message.sessionId())) {
            ConsentRequest withdrawn = pending;
            pending = null;
            audit.cancelled(withdrawn.sessionId(), "relay", cause, message.detail());
            operator.consentWithdrawn(withdrawn.sessionId(), cause);
            if (!withdrawn.extension()) {
                ended(withdrawn.sessionId(), cause, message.detail());
            }
        }
        if (active != null && active.sessionId().equals(message.sessionId())) {
            endActive(cause, message.detail(), false);
        }
    }

    /** Applies the customer's switch; turning remote service off ends a session or request at once. */
    public synchronized void remoteServiceChanged(boolean on) {
        remoteService = on;
        if (on) {
            return;
        }
        if (pending != null) {
            ConsentRequest withdrawn = pending;
            pending = null;
            audit.refused(withdrawn.sessionId(), withdrawn.extension(), "remote service switched off");
            relay.send(new ControlMessage.SessionConsent(withdrawn.sessionId(), false, 0, audit.operator()));
            operator.consentWithdrawn(withdrawn.sessionId(), EndCause.SWITCH_OFF);
            if (!withdrawn.extension()) {
                ended(withdrawn.sessionId(), EndCause.SWITCH_OFF, null);
            }
        }
        if (active != null) {
            endActive(EndCause.SWITCH_OFF, "remote service was switched off at the machine", true);
        }
    }

    /** The connection to the relay is gone: nothing may go on without it. */
    public synchronized void connectionLost() {
        if (pending != null) {
            ConsentRequest withdrawn = pending;
            pending = null;
            audit.cancelled(withdrawn.sessionId(), audit.agent(), EndCause.AGENT_DISCONNECTED, null);
            operator.consentWithdrawn(withdrawn.sessionId(), EndCause.AGENT_DISCONNECTED);
            if (!withdrawn.extension()) {
                ended(withdrawn.sessionId(), EndCause.AGENT_DISCONNECTED, null);
            }
        }
        if (active != null) {
            endActive(EndCause.AGENT_DISCONNECTED, "the connection to the relay was lost", false);
        }
    }

    /** Ends the active session; an extension of it still awaiting the operator is withdrawn first. */
    private void endActive(EndCause cause, String detail, boolean tellRelay) {
        ActiveSession over = active;
        active = null;
        if (pending != null && pending.extension() && pending.sessionId().equals(over.sessionId())) {
            ConsentRequest withdrawn = pending;
            pending = null;
            audit.cancelled(withdrawn.sessionId(), audit.agent(), cause, detail);
            operator.consentWithdrawn(withdrawn.sessionId(), cause);
        }
        screens.closeAll();
        audit.ended(over, cause, detail);
        if (tellRelay) {
            relay.send(new ControlMessage.SessionEnded(over.sessionId(), cause, detail));
        }
        ended(over.sessionId(), cause, detail);
    }

    private void ended(String sessionId, EndCause cause, String detail) {
        lastEnded = new Ended(sessionId, cause, detail, clock.instant());
        listeners.forEach(l -> l.sessionEnded(sessionId, cause, detail));
    }

    // ---- screen channels ------------------------------------------------------------------------------------

    /**
     * The relay opens the screen for {@code sessionId}: allowed only for the active, unexpired session. Audited
     * either way. On success, register the channel with {@link #attachScreen} so that ending closes it.
     */
    public synchronized Optional<ActiveSession> openScreen(String sessionId) {
        tick();
        if (active == null || !active.sessionId().equals(sessionId)) {
            audit.channelRefused(
                    String.valueOf(sessionId), active == null ? "no active session" : "not the active session");
            return Optional.empty();
        }
        audit.channelOpened(active);
        ActionEntry viewing = new ActionEntry(clock.instant(), ActionEntry.Kind.VIEWING, "", -1, -1, null);
        listeners.forEach(l -> l.action(viewing));
        return Optional.of(active);
    }

    /**
     * Registers an open screen channel of the active session; it is closed when the session ends.
     *
     * @return false (and closes it) if that session is no longer active
     */
    public synchronized boolean attachScreen(String sessionId, Closeable channel) {
        if (active == null || !active.sessionId().equals(sessionId)) {
            ScreenRegistry.closeQuietly(channel);
            return false;
        }
        screens.add(channel);
        return true;
    }

    /** The channel closed on its own (the viewer left). */
    public synchronized void detachScreen(String sessionId, Closeable channel) {
        if (screens.remove(channel)) {
            audit.channelClosed(sessionId);
        }
    }

    // ---- mirror and chat ------------------------------------------------------------------------------------

    /** An action of the technician on the screen: shown to the operator and audited. Ignored without a session. */
    public synchronized void action(ActionEntry entry) {
        if (active == null) {
            return;
        }
        audit.input(active, entry);
        listeners.forEach(l -> l.action(entry));
    }

    /** The technician's pointer moved: drawn over the screen for the operator; not audited (clicks are). */
    public void pointerMoved(int x, int y) {
        listeners.forEach(l -> l.pointerMoved(x, y));
    }

    /** A chat line from the technician. */
    public synchronized void onChat(ControlMessage.Chat chat) {
        if (active == null || !active.sessionId().equals(chat.sessionId()) || chat.text() == null) {
            return;
        }
        String text = cut(chat.text());
        audit.chat(active, false, text);
        ChatLine line = new ChatLine(
                ChatLine.FROM_TECHNICIAN,
                chat.author() == null ? active.technicianName() : chat.author(),
                text,
                clock.instant());
        listeners.forEach(l -> l.chat(line));
    }

    /**
     * The operator writes to the technician.
     *
     * @return false if there is no active session or no connection
     */
    public synchronized boolean sendChat(String author, String text) {
        if (active == null || text == null || text.isBlank()) {
            return false;
        }
        String line = cut(text.strip());
        Instant now = clock.instant();
        audit.chat(active, true, line);
        boolean sent =
                relay.send(new ControlMessage.Chat(active.sessionId(), ChatLine.FROM_OPERATOR, author, line, now));
        ChatLine chat = new ChatLine(ChatLine.FROM_OPERATOR, author, line, now);
        listeners.forEach(l -> l.chat(chat));
        return sent;
    }

    private static String cut(String text) {
        return text.length() > MAX_CHAT_CHARS ? text.substring(0, MAX_CHAT_CHARS) : text;
    }

    private static byte[] decodePhoto(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            LOG.warn("Technician photo is not Base64; showing none");
            return null;
        }
    }
}
