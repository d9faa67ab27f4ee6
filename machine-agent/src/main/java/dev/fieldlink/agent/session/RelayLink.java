package dev.fieldlink.agent.session;

import dev.fieldlink.protocol.control.ControlMessage;

/** The control channel as the session controller sees it. */
public interface RelayLink {
    /**
     * Sends a message if connected.
     *
     * @return false if there is no connection (the message is not queued)
     */
    boolean send(ControlMessage message);

    /** A link that is never connected. */
    RelayLink NONE = message -> false;
}
