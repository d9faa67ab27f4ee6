package dev.fieldlink.viewer.tap;

import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.ServerInit;
import dev.fieldlink.viewer.rfb.message.ClientMessage;

/**
 * What an {@link RfbStreamTap} observes, called on the thread that fed the bytes, in stream order per direction. All
 * methods default to doing nothing. The VNC challenge and response are never reported.
 */
public interface TapListener {
    default void versionNegotiated(ProtocolVersion version) {}

    /** Security type the connection uses (1 None, 2 VNC Authentication). */
    default void securityChosen(int type) {}

    /** Outcome of the security handshake; {@code reason} is the server's text on failure, else empty. */
    default void securityResult(boolean ok, String reason) {}

    default void clientInit(boolean shared) {}

    default void serverInit(ServerInit init) {}

    /** A complete client-to-server message after ClientInit. */
    default void clientMessage(ClientMessage message) {}

    /**
     * The server-stream decoder (if enabled) is between two messages.
     *
     * @param serverOffset server-to-client bytes consumed up to this point
     * @param clientOffset client-to-server bytes up to the end of the last complete client message
     */
    default void serverBoundary(long serverOffset, long clientOffset) {}
}
