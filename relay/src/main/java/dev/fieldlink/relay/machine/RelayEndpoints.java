package dev.fieldlink.relay.machine;

/**
 * Where agents and viewers reach the relay's SSH endpoint, and the host-key fingerprint they pin.
 *
 * @param hostKeyFingerprint {@code SHA256:...} exactly as OpenSSH prints it
 */
public record RelayEndpoints(String sshHost, int sshPort, String hostKeyFingerprint) {}
