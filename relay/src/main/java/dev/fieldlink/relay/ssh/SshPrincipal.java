package dev.fieldlink.relay.ssh;

import dev.fieldlink.auth.jwt.TicketClaims;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/** Who an SSH connection authenticated as: a machine's agent, or a viewer holding a session ticket. */
sealed interface SshPrincipal {
    /** The session attribute holding the principal once authentication succeeded. */
    AttributeKey<SshPrincipal> KEY = new AttributeKey<>();

    /** An agent, by its machine's registered key. */
    record Agent(String machineId) implements SshPrincipal {}

    /** A viewer, by its session ticket. */
    record Viewer(TicketClaims ticket) implements SshPrincipal {}
}
