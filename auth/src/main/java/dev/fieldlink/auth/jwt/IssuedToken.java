package dev.fieldlink.auth.jwt;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed token and what the issuer needs to remember about it. {@link #toString()} never shows the token.
 *
 * @param token the compact JWS
 * @param jti its unique id (for revocation and audit)
 * @param expiresAt its {@code exp}, whole seconds
 */
public record IssuedToken(String token, String jti, Instant expiresAt) {
    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedToken[token=***, jti=" + jti + ", expiresAt=" + expiresAt + "]";
    }
}
