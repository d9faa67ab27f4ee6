package dev.fieldlink.protocol.session;

import java.util.Set;

/**
 * The life of a session: {@code PENDING_CONSENT -> ACTIVE -> ENDED}, or {@code PENDING_CONSENT -> DECLINED |
 * EXPIRED | CANCELLED}. Every transition is an audit event.
 */
public enum SessionState {
    /** Requested; waiting for the operator at the machine. */
    PENDING_CONSENT,
    /** The operator allowed it; the screen may be opened until {@code expiresAt}. */
    ACTIVE,
    /** Was active and is over; the end cause says why. */
    ENDED,
    /** The operator declined. */
    DECLINED,
    /** Nobody answered within the consent timeout. */
    EXPIRED,
    /** The technician withdrew the request before the operator answered. */
    CANCELLED;

    /** True when no further transition can happen. */
    public boolean isFinal() {
        return this != PENDING_CONSENT && this != ACTIVE;
    }

    /** True when {@code next} is a legal next state. */
    public boolean canMoveTo(SessionState next) {
        return switch (this) {
            case PENDING_CONSENT -> Set.of(ACTIVE, DECLINED, EXPIRED, CANCELLED).contains(next);
            case ACTIVE -> next == ENDED;
            case ENDED, DECLINED, EXPIRED, CANCELLED -> false;
        };
    }
}
