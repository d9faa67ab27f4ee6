package dev.fieldlink.agent.session;

import java.time.Instant;

/**
 * A session the operator allowed. {@code expiresAt} is on the agent's own clock.
 *
 * @param photoPng the technician's photo as PNG, or null
 */
public record ActiveSession(
        String sessionId,
        String technicianId,
        String technicianName,
        String company,
        byte[] photoPng,
        String reason,
        String caseNumber,
        Instant startedAt,
        Instant expiresAt) {
    ActiveSession extendedTo(Instant newExpiry) {
        return new ActiveSession(
                sessionId, technicianId, technicianName, company, photoPng, reason, caseNumber, startedAt, newExpiry);
    }

    @Override
    public String toString() {
        return "ActiveSession[" + sessionId + ", " + technicianName + ", until " + expiresAt + "]";
    }
}
