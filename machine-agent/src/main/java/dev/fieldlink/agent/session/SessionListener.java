package dev.fieldlink.agent.session;

import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.session.EndCause;

/**
 * What the operator panel (or a test) observes of sessions. Called with the controller's lock held: implementations
 * must not block (Swing ones hand over to the EDT). All methods have no-op defaults.
 */
public interface SessionListener {
    default void sessionStarted(ActiveSession session) {}

    default void sessionExtended(ActiveSession session) {}

    /** The session is over; {@code detail} says why in words (may be null). */
    default void sessionEnded(String sessionId, EndCause cause, String detail) {}

    default void action(ActionEntry entry) {}

    default void chat(ChatLine line) {}

    /** The technician's pointer moved (screen coordinates). */
    default void pointerMoved(int x, int y) {}
}
