package dev.fieldlink.relay.session;

import static dev.fieldlink.protocol.audit.AuditEventTypes.CONSENT_GIVEN;
import static dev.fieldlink.protocol.audit.AuditEventTypes.EXTENSION_DECLINED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.EXTENSION_GRANTED;

import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.machine.MachineRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine's side of the broker: what agents report on their control channel (the operator's consent or
 * refusal, End pressed, chat, switches) and their connection coming and going. Each method throws {@link
 * FieldlinkException} when the session is unknown to this machine or the report does not fit its state; the control
 * channel answers that with an error message. Thread-safe.
 */
public final class MachineEvents {
    private static final int MAX_CHAT = 2000;

    private final SessionCore core;
    private final int maxMinutes;

    MachineEvents(SessionCore core, int maxMinutes) {
        this.core = core;
        this.maxMinutes = maxMinutes;
    }

    /**
     * The operator's answer to a request or an extension.
     *
     * @throws FieldlinkException when the session is unknown to this machine or not waiting for an answer
     */
    public SessionRecord onConsent(String machineId, ControlMessage.SessionConsent c) {
        SessionRecord cur = sessionOfMachine(machineId, c.sessionId());
        String actor = "operator:" + machineId;
        String operator = c.operator() == null ? null : SessionProblems.truncate(c.operator(), 200);
        if (cur.state() == SessionState.PENDING_CONSENT) {
            if (!core.clock.instant().isBefore(cur.consentDeadline())) {
                core.finish(cur.id(), SessionState.EXPIRED, EndCause.CONSENT_TIMEOUT, "relay", null);
                throw new FieldlinkException(ProblemType.INVALID_STATE, "the consent deadline has passed");
            }
            if (!c.allowed()) {
                return core.finish(cur.id(), SessionState.DECLINED, EndCause.DECLINED, actor, operatorDetail(operator))
                        .orElseThrow(() -> SessionProblems.invalidState(cur.id()));
            }
            int cap = Math.min(cur.requestedMinutes(), maxMinutesOf(machineId));
            if (c.grantedMinutes() < 1) {
                throw new FieldlinkException(
                        ProblemType.VALIDATION, "grantedMinutes must be at least 1 when the session is allowed");
            }
            int granted = Math.min(c.grantedMinutes(), cap);
            Instant now = core.clock.instant();
            SessionRecord s = core.transition(
                            cur.id(),
                            x -> x.state() == SessionState.PENDING_CONSENT ? x.activated(now, granted, operator) : null)
                    .orElseThrow(() -> SessionProblems.invalidState(cur.id()));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("grantedMinutes", Integer.toString(granted));
            details.put("expiresAt", s.expiresAt().toString());
            details.put("operator", operator);
            core.audit.record(CONSENT_GIVEN, actor, s.subject(), details);
            core.notifyState(s);
            return s;
        }
        if (cur.state() == SessionState.ACTIVE && cur.extensionMinutes() != null) {
            boolean granted = c.allowed() && c.grantedMinutes() >= 1;
            int minutes = granted ? Math.min(c.grantedMinutes(), cur.extensionMinutes()) : 0;
            SessionRecord s = core.transition(
                            cur.id(),
                            x -> x.state() == SessionState.ACTIVE && x.extensionMinutes() != null
                                    ? (granted ? x.extended(minutes) : x.withExtension(null, null))
                                    : null)
                    .orElseThrow(() -> SessionProblems.invalidState(cur.id()));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("operator", operator);
            if (granted) {
                details.put("additionalMinutes", Integer.toString(minutes));
                details.put("expiresAt", s.expiresAt().toString());
            }
            core.audit.record(granted ? EXTENSION_GRANTED : EXTENSION_DECLINED, actor, s.subject(), details);
            core.notifyExtension(s, granted);
            return s;
        }
        throw SessionProblems.invalidState(cur);
    }

    /** The operator pressed End (or the agent ended the session on its own clock). */
    public void onAgentEnded(String machineId, ControlMessage.SessionEnded e) {
        SessionRecord cur = sessionOfMachine(machineId, e.sessionId());
        EndCause cause = e.cause() == null ? EndCause.OPERATOR : e.cause();
        String detail = e.detail() == null ? null : SessionProblems.truncate(e.detail(), MAX_CHAT);
        String actor = cause == EndCause.OPERATOR ? "operator:" + machineId : "agent:" + machineId;
        if (cur.state() == SessionState.PENDING_CONSENT) {
            core.finish(cur.id(), SessionState.DECLINED, EndCause.DECLINED, actor, detail);
        } else if (cur.state() == SessionState.ACTIVE) {
            core.finish(cur.id(), SessionState.ENDED, cause, actor, detail);
        }
    }

    /** A chat line from the operator. */
    public void onOperatorChat(String machineId, ControlMessage.Chat c) {
        SessionRecord s = sessionOfMachine(machineId, c.sessionId());
        if (!s.live()) {
            throw SessionProblems.invalidState(s);
        }
        String text = SessionProblems.required(c.text(), "text", MAX_CHAT);
        var chat = new dev.fieldlink.protocol.api.ChatLine(
                dev.fieldlink.protocol.api.ChatLine.FROM_OPERATOR,
                c.author() == null ? "operator" : SessionProblems.truncate(c.author(), 200),
                text,
                core.clock.instant());
        core.audit.record(
                dev.fieldlink.protocol.audit.AuditEventTypes.CHAT_MESSAGE,
                "operator:" + machineId,
                s.subject(),
                Map.of("from", chat.from(), "author", chat.author(), "text", text));
        core.notifyChat(s, chat);
    }

    /** The machine's agent came online: resend requests that still wait for an answer. */
    public void onAgentOnline(String machineId) {
        for (SessionRecord s : core.liveSessions()) {
            if (s.machineId().equals(machineId) && s.state() == SessionState.PENDING_CONSENT) {
                core.accounts
                        .findById(s.technicianId())
                        .ifPresent(a -> core.agents.send(
                                machineId, core.requested(s, a, s.requestedMinutes(), s.consentDeadline(), false)));
            }
        }
    }

    /** The machine's connection is gone: its active sessions end. Pending requests wait for their deadline. */
    public void onAgentOffline(String machineId, String detail) {
        for (SessionRecord s : core.liveSessions()) {
            if (s.machineId().equals(machineId) && s.state() == SessionState.ACTIVE) {
                core.finish(s.id(), SessionState.ENDED, EndCause.AGENT_DISCONNECTED, "relay", detail);
            }
        }
    }

    /** The customer switched remote service off: live sessions of the machine end. */
    public void onRemoteServiceOff(String machineId) {
        for (SessionRecord s : core.liveSessions()) {
            if (s.machineId().equals(machineId)) {
                boolean active = s.state() == SessionState.ACTIVE;
                core.finish(
                        s.id(),
                        active ? SessionState.ENDED : SessionState.CANCELLED,
                        EndCause.SWITCH_OFF,
                        "operator:" + machineId,
                        "remote service switched off at the machine");
            }
        }
    }

    private SessionRecord sessionOfMachine(String machineId, String sessionId) {
        if (sessionId == null) {
            throw new FieldlinkException(ProblemType.BAD_REQUEST, "sessionId is missing");
        }
        SessionRecord s = core.live(sessionId).orElse(null);
        if (s == null) {
            s = core.sessions.find(sessionId).orElse(null);
        }
        if (s == null || !s.machineId().equals(machineId)) {
            throw new FieldlinkException(ProblemType.NOT_FOUND, "no session " + sessionId + " for this machine");
        }
        return s;
    }

    private int maxMinutesOf(String machineId) {
        return core.machines
                .find(machineId)
                .map(MachineRecord::maxSessionMinutes)
                .orElse(maxMinutes);
    }

    private static String operatorDetail(String operator) {
        return operator == null ? null : "declined by " + operator;
    }
}
