package dev.fieldlink.relay.screen;

import java.time.Instant;

/** Which session a screen channel belongs to. */
public record ScreenContext(String sessionId, String machineId, String technicianId, Instant openedAt) {}
