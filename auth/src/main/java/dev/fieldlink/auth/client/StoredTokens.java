package dev.fieldlink.auth.client;

import dev.fieldlink.protocol.api.TokenResponse;
import java.time.Instant;
import java.util.Objects;

/**
 * The tokens the console keeps between runs. {@link #toString()} never shows the tokens.
 *
 * @param accessTokenExpiresAt may be {@code null} if the relay did not say
 * @param refreshTokenExpiresAt may be {@code null} if the relay did not say
 */
public record StoredTokens(
        String accessToken, Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt) {
    public StoredTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    /** The tokens of a login or refresh answer. */
    public static StoredTokens from(TokenResponse response) {
        return new StoredTokens(
                response.accessToken(),
                response.accessTokenExpiresAt(),
                response.refreshToken(),
                response.refreshTokenExpiresAt());
    }

    @Override
    public String toString() {
        return "StoredTokens[accessToken=***, accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshToken=***, refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
    }
}
