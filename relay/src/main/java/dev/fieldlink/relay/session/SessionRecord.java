package dev.fieldlink.relay.session;

import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.time.Instant;
import java.util.Objects;

/**
 * A session as stored. Times not reached yet are null.
 *
 * @param operator the operator's name as the agent reported it with consent, or null
 * @param extensionMinutes minutes of a pending extension request, or null
 * @param extensionDeadline when the pending extension request times out, or null
 */
public record SessionRecord(
        String id,
        String machineId,
        String technicianId,
        SessionState state,
        String reason,
        String caseNumber,
        int requestedMinutes,
        Integer grantedMinutes,
        Instant createdAt,
        Instant consentDeadline,
        Instant startedAt,
        Instant expiresAt,
        Instant endedAt,
        EndCause endCause,
        String operator,
        Integer extensionMinutes,
        Instant extensionDeadline) {
    public SessionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(technicianId, "technicianId");
        Objects.requireNonNull(state, "state");
    }

    public SessionView toView() {
        return new SessionView(
                id,
                machineId,
                technicianId,
                state,
                reason,
                caseNumber,
                requestedMinutes,
                grantedMinutes,
                createdAt,
                state == SessionState.PENDING_CONSENT ? consentDeadline : null,
                startedAt,
                expiresAt,
                endedAt,
                endCause);
    }

    /** The audit subject of this session. */
    public String subject() {
        return "session:" + id;
    }

    public boolean live() {
        return !state.isFinal();
    }

    SessionRecord activated(Instant now, int granted, String operatorName) {
        return new SessionRecord(
                id,
                machineId,
                technicianId,
                SessionState.ACTIVE,
                reason,
                caseNumber,
                requestedMinutes,
                granted,
                createdAt,
                consentDeadline,
                now,
                now.plusSeconds(granted * 60L),
                null,
                null,
                operatorName,
                null,
                null);
    }

    /** This session in a final state at {@code now} for {@code cause}. */
    public SessionRecord finished(SessionState finalState, Instant now, EndCause cause) {
        return new SessionRecord(
                id,
                machineId,
                technicianId,
                finalState,
                reason,
                caseNumber,
                requestedMinutes,
                grantedMinutes,
                createdAt,
                consentDeadline,
                startedAt,
                expiresAt,
                now,
                cause,
                operator,
                null,
                null);
    }

    SessionRecord withExtension(Integer minutes, Instant deadline) {
        return new SessionRecord(
                id,
                machineId,
                technicianId,
                state,
                reason,
                caseNumber,
                requestedMinutes,
                grantedMinutes,
                createdAt,
                consentDeadline,
                startedAt,
                expiresAt,
                endedAt,
                endCause,
                operator,
                minutes,
                deadline);
    }

    SessionRecord extended(int minutes) {
        return new SessionRecord(
                id,
                machineId,
                technicianId,
                state,
                reason,
                caseNumber,
                requestedMinutes,
                (grantedMinutes == null ? 0 : grantedMinutes) + minutes,
                createdAt,
                consentDeadline,
                startedAt,
                expiresAt.plusSeconds(minutes * 60L),
                endedAt,
                endCause,
                operator,
                null,
                null);
    }
}
