package dev.fieldlink.auth.refresh;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored refresh token. The token itself is never stored, only its hash.
 *
 * @param tokenHash SHA-256 of the token, lower-case hex (64 characters); the key
 * @param familyId the login this token descends from; all tokens rotated from one login share it
 * @param userId the account
 * @param issuedAt when the token was issued
 * @param expiresAt after this the token is refused
 * @param rotatedAt when the token was exchanged for its successor, or {@code null}; presenting it again is reuse
 * @param revoked whether the token (its family, its user) was revoked
 */
public record RefreshTokenRecord(
        String tokenHash,
        String familyId,
        String userId,
        Instant issuedAt,
        Instant expiresAt,
        Instant rotatedAt,
        boolean revoked) {
    public RefreshTokenRecord {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
