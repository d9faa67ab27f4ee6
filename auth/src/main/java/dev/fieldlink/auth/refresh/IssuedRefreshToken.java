package dev.fieldlink.auth.refresh;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token handed to a client. {@link #toString()} never shows the token.
 *
 * @param token 256 random bits, URL-safe Base64 without padding (43 characters)
 * @param familyId the login it belongs to
 */
public record IssuedRefreshToken(String token, String familyId, Instant expiresAt) {
    public IssuedRefreshToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedRefreshToken[token=***, familyId=" + familyId + ", expiresAt=" + expiresAt + "]";
    }
}
