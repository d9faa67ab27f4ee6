package dev.fieldlink.protocol.api;

/** The relay's SSH address and host-key fingerprint ({@code SHA256:...}) for the agent to pin. */
public record EnrollResponse(String machineId, String sshHost, int sshPort, String hostKeyFingerprint) {}
