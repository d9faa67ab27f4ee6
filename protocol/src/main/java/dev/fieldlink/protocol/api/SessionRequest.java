package dev.fieldlink.protocol.api;

/** {@code POST sessions}: a technician asks the operator of a machine for a screen session. */
public record SessionRequest(String machineId, String reason, String caseNumber, int requestedMinutes) {}
