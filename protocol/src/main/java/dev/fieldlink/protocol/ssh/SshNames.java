package dev.fieldlink.protocol.ssh;

/** Names on the relay's SSH endpoint that relay, agent and viewer must agree on. */
public final class SshNames {
    private SshNames() {}

    /** The subsystem agents open for JSON-lines control messages. */
    public static final String CONTROL_SUBSYSTEM = "fieldlink-control";

    /**
     * The channel type the relay opens down an agent's connection for one screen session. Its type-specific data is
     * one SSH string: the session id. The agent answers with the RFB server side of its screen source.
     */
    public static final String SCREEN_CHANNEL = "fieldlink-screen@fieldlink.dev";

    /** Viewers open {@code direct-tcpip} to {@code session-<id>}. */
    public static final String VIEWER_TARGET_PREFIX = "session-";

    /** The only port a viewer's {@code direct-tcpip} may name. */
    public static final int VIEWER_TARGET_PORT = 5900;

    /** The JWT audience of session tickets, which viewers present as their SSH password. */
    public static final String TICKET_AUDIENCE = "fieldlink-ssh";

    /** The target host for a session. */
    public static String viewerTarget(String sessionId) {
        return VIEWER_TARGET_PREFIX + sessionId;
    }
}
