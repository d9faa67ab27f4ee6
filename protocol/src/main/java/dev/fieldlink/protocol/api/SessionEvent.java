package dev.fieldlink.protocol.api;

import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.time.Instant;

/**
 * One server-sent event of {@code GET sessions/{id}/events}. The SSE event name is {@link #kind()}: {@code state}
 * (state change), {@code chat} (a line from either side), {@code remaining} (the seconds left, sent periodically)
 * or {@code extension} (the answer to an extension request).
 */
public record SessionEvent(
        String kind,
        String sessionId,
        SessionState state,
        EndCause endCause,
        Instant expiresAt,
        Long remainingSeconds,
        ChatLine chat,
        Instant at) {
    public static final String STATE = "state";
    public static final String CHAT = "chat";
    public static final String REMAINING = "remaining";
    public static final String EXTENSION = "extension";
}
