package dev.fieldlink.relay.session;

import dev.fieldlink.protocol.api.ChatLine;

/**
 * Observes the broker. Called after the change is committed, on the thread that made it; implementations must be
 * quick, must not throw and must not call back into the broker synchronously. All methods default to doing nothing.
 */
public interface SessionListener {
    /** The session moved to a new state (including into {@code PENDING_CONSENT} when created). */
    default void onStateChanged(SessionRecord session) {}

    /** An active session's expiry moved (extension granted) or an extension was declined. */
    default void onExtension(SessionRecord session, boolean granted) {}

    /** A chat line was exchanged. */
    default void onChat(SessionRecord session, ChatLine line) {}
}
