package dev.fieldlink.protocol.api;

import java.time.Instant;

/**
 * The answer to a login or refresh: a short-lived access JWT and a rotating refresh token. The tokens never appear
 * in {@link #toString()}.
 */
public record TokenResponse(
        String accessToken,
        String tokenType,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt) {
    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
    }
}
