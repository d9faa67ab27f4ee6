package dev.fieldlink.agent.session;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit events of a session's steps, with their actors and details, so that {@link SessionController} reads as
 * the state machine it is. Writes through to the {@link AuditLog} (forced to disk); failures propagate.
 */
final class SessionAudit {
    private final AuditLog audit;
    private final String machineId;

    SessionAudit(AuditLog audit, String machineId) {
        this.audit = audit;
        this.machineId = machineId;
    }

    String operator() {
        return "operator:" + machineId;
    }

    String agent() {
        return "agent:" + machineId;
    }

    static String technician(String id) {
        return "technician:" + id;
    }

    static String subject(String sessionId) {
        return "session:" + sessionId;
    }

    void requested(ControlMessage.SessionRequested r) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("technicianName", nullToEmpty(r.technicianName()));
        details.put("company", nullToEmpty(r.company()));
        details.put("reason", nullToEmpty(r.reason()));
        details.put("caseNumber", nullToEmpty(r.caseNumber()));
        details.put("requestedMinutes", Integer.toString(r.requestedMinutes()));
        audit.append(
                r.extension() ? AuditEventTypes.EXTENSION_REQUESTED : AuditEventTypes.SESSION_REQUESTED,
                technician(r.technicianId()),
                subject(r.sessionId()),
                details);
    }

    /** Declined without asking the operator (switch off, busy), or withdrawn because the switch went off. */
    void refused(String sessionId, boolean extension, String reason) {
        audit.append(
                extension ? AuditEventTypes.EXTENSION_DECLINED : AuditEventTypes.CONSENT_DECLINED,
                agent(),
                subject(sessionId),
                Map.of("reason", reason));
    }

    void declined(ConsentRequest request, String who) {
        audit.append(
                request.extension() ? AuditEventTypes.EXTENSION_DECLINED : AuditEventTypes.CONSENT_DECLINED,
                operator(),
                subject(request.sessionId()),
                Map.of("operator", who));
    }

    void granted(ConsentRequest request, String who, int minutes, Instant expiresAt) {
        audit.append(
                request.extension() ? AuditEventTypes.EXTENSION_GRANTED : AuditEventTypes.CONSENT_GIVEN,
                operator(),
                subject(request.sessionId()),
                Map.of(
                        "operator", who,
                        "grantedMinutes", Integer.toString(minutes),
                        "expiresAt", expiresAt.toString()));
    }

    void timedOut(ConsentRequest request) {
        audit.append(
                AuditEventTypes.CONSENT_TIMEOUT,
                agent(),
                subject(request.sessionId()),
                Map.of("deadline", request.deadline().toString()));
    }

    void cancelled(String sessionId, String actor, EndCause cause, String detail) {
        audit.append(
                AuditEventTypes.SESSION_CANCELLED,
                actor,
                subject(sessionId),
                Map.of("cause", cause.name(), "detail", nullToEmpty(detail)));
    }

    void ended(ActiveSession over, EndCause cause, String detail) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("cause", cause.name());
        if (detail != null) {
            details.put("detail", detail);
        }
        String actor = cause == EndCause.OPERATOR
                ? operator()
                : cause == EndCause.TECHNICIAN ? technician(over.technicianId()) : agent();
        audit.append(AuditEventTypes.SESSION_ENDED, actor, subject(over.sessionId()), details);
    }

    void channelRefused(String sessionId, String reason) {
        audit.append(AuditEventTypes.CHANNEL_REFUSED, "relay", subject(sessionId), Map.of("reason", reason));
    }

    void channelOpened(ActiveSession session) {
        audit.append(
                AuditEventTypes.CHANNEL_OPENED,
                technician(session.technicianId()),
                subject(session.sessionId()),
                Map.of());
    }

    void channelClosed(String sessionId) {
        audit.append(AuditEventTypes.CHANNEL_CLOSED, agent(), subject(sessionId), Map.of());
    }

    /** An input action; the feed-only kinds (viewing, chat) write nothing. */
    void input(ActiveSession session, ActionEntry entry) {
        String type = switch (entry.kind()) {
            case CLICK -> AuditEventTypes.INPUT_CLICK;
            case TEXT, KEY_COMBO -> AuditEventTypes.INPUT_KEYS;
            case CLIPBOARD -> AuditEventTypes.INPUT_CLIPBOARD;
            case VIEWING, CHAT -> null;
        };
        if (type == null) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("text", entry.text());
        if (entry.x() >= 0) {
            details.put("x", Integer.toString(entry.x()));
            details.put("y", Integer.toString(entry.y()));
        }
        if (entry.control() != null) {
            details.put("control", entry.control());
        }
        audit.append(type, technician(session.technicianId()), subject(session.sessionId()), details);
    }

    void chat(ActiveSession session, boolean fromOperator, String text) {
        audit.append(
                AuditEventTypes.CHAT_MESSAGE,
                fromOperator ? operator() : technician(session.technicianId()),
                subject(session.sessionId()),
                Map.of("from", fromOperator ? ChatLine.FROM_OPERATOR : ChatLine.FROM_TECHNICIAN, "text", text));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
