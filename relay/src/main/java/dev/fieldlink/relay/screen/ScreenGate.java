package dev.fieldlink.relay.screen;

import org.apache.sshd.server.session.ServerSession;

/** Decides whether a viewer's SSH session may open {@code direct-tcpip} to a target. Thread-safe. */
@FunctionalInterface
public interface ScreenGate {
    /**
     * @return the session the channel belongs to
     * @throws ScreenRefusedException when the channel must not open
     */
    ScreenContext authorize(ServerSession session, String host, int port) throws ScreenRefusedException;
}
