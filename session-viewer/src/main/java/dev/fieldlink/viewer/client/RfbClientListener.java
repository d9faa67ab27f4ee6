package dev.fieldlink.viewer.client;

import dev.fieldlink.viewer.rfb.RemoteScreenListener;

/**
 * Events of an {@link RfbClient}, called on its reader thread in stream order. Implementations return quickly (hand
 * over to the EDT or an executor). All methods default to doing nothing.
 */
public interface RfbClientListener extends RemoteScreenListener {
    /** The handshake is done; called once on the connecting thread before the reader thread starts. */
    default void started(RfbClient client) {}

    default void desktopNameChanged(String name) {}

    default void bell() {}

    /** Clipboard text from the server. */
    default void serverCutText(String text) {}

    /** The connection is over; called exactly once. */
    default void connectionEnded(ConnectionEnd end) {}
}
