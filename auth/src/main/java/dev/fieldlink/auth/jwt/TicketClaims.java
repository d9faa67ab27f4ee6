package dev.fieldlink.auth.jwt;

import java.time.Instant;

/**
 * What a verified session ticket says. The relay must still check that {@code technicianId} equals the SSH user
 * name and that the session is active.
 *
 * @param sessionId {@code sid}
 * @param machineId {@code mid}
 * @param technicianId {@code sub}
 */
public record TicketClaims(String sessionId, String machineId, String technicianId, String jti, Instant expiresAt) {}
