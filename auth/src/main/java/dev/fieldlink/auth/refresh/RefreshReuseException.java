package dev.fieldlink.auth.refresh;

import dev.fieldlink.auth.AuthException;

/**
 * A refresh token that was already rotated was presented again: either it was stolen or a client replayed it. The
 * whole family has been revoked when this is thrown; the relay audits {@code REFRESH_REUSE_DETECTED} with {@link
 * #userId()} and {@link #familyId()}.
 */
public class RefreshReuseException extends AuthException {
    private static final long serialVersionUID = 1L;

    private final String userId;
    private final String familyId;

    public RefreshReuseException(String userId, String familyId) {
        super(Reason.REFRESH_REUSED, "The refresh token was already used; sign in again");
        this.userId = userId;
        this.familyId = familyId;
    }

    public String userId() {
        return userId;
    }

    public String familyId() {
        return familyId;
    }
}
