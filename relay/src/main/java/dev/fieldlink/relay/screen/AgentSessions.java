package dev.fieldlink.relay.screen;

import java.util.Optional;
import org.apache.sshd.common.session.Session;

/** Finds the live SSH connection of a machine's agent. Thread-safe. */
@FunctionalInterface
public interface AgentSessions {
    Optional<Session> connectionOf(String machineId);
}
