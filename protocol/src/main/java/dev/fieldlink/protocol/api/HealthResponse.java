package dev.fieldlink.protocol.api;

/** {@code GET /health}. */
public record HealthResponse(String status, String version, int connectedAgents, int activeSessions) {}
