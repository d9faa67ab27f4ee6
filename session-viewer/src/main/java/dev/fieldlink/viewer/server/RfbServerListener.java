package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.message.ClientMessage;

/** Events of server sessions, called on the session's reader thread. All methods default to doing nothing. */
public interface RfbServerListener {
    /** The handshake completed. */
    default void clientConnected(ProtocolVersion version, boolean shared) {}

    /** Every client message, in order, after the server acted on it. */
    default void clientMessage(ClientMessage message) {}

    /** The session ended; {@code reason} says why (protocol error text, "closed", ...). Called once. */
    default void sessionEnded(String reason) {}
}
