package dev.fieldlink.agent.connection;

import java.time.Instant;

/**
 * The connection as the panel and {@code status} show it.
 *
 * @param state what the connection is doing
 * @param detail why, in words (e.g. the refused fingerprint, the last error), or null
 * @param since when this state began
 * @param nextAttempt when the next attempt is due, for {@link State#RETRYING} and {@link State#HOST_KEY_MISMATCH}
 */
public record ConnectionStatus(State state, String detail, Instant since, Instant nextAttempt) {
    /** Connection states. */
    public enum State {
        /** Every customer switch is off: no connection is made at all. */
        OFF,
        /** Machine id, relay address, pinned key or machine key missing: run {@code enroll}. */
        NOT_ENROLLED,
        CONNECTING,
        CONNECTED,
        /** The last attempt failed; the next is scheduled with back-off. */
        RETRYING,
        /** The relay presented a host key other than the pinned one; the connection was refused. */
        HOST_KEY_MISMATCH,
        /** The agent is shutting down. */
        STOPPED
    }
}
