package dev.fieldlink.protocol.api;

import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.time.Instant;

/**
 * A session as the API shows it. Times that have not happened yet are null; {@code consentDeadline} is set while
 * the session waits for the operator, {@code expiresAt} while it is active.
 */
public record SessionView(
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
        EndCause endCause) {}
