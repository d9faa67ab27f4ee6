package dev.fieldlink.protocol.api;

import java.time.Instant;

/**
 * {@code POST sessions/{id}/ticket}: the password for the relay's SSH endpoint, and where and what to connect to.
 * The viewer logs in as {@code username} with {@code ticket} as password and opens {@code direct-tcpip} to
 * {@code targetHost:targetPort}.
 */
public record TicketResponse(
        String ticket,
        String sshHost,
        int sshPort,
        String hostKeyFingerprint,
        String username,
        String targetHost,
        int targetPort,
        Instant expiresAt) {
    @Override
    public String toString() {
        return "TicketResponse[ticket=***, sshHost=" + sshHost + ", sshPort=" + sshPort + ", hostKeyFingerprint="
                + hostKeyFingerprint + ", username=" + username + ", targetHost=" + targetHost + ", targetPort="
                + targetPort + ", expiresAt=" + expiresAt + "]";
    }
}
