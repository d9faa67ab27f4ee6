package dev.fieldlink.protocol.api;

import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.time.Instant;

/** A row of {@code GET history/sessions}, for team leads. */
public record HistoryEntry(
        String sessionId,
        String machineId,
        String machineName,
        String customer,
        String region,
        String technicianId,
        String technicianName,
        SessionState state,
        EndCause endCause,
        String reason,
        String caseNumber,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        Long recordingBytes) {}
