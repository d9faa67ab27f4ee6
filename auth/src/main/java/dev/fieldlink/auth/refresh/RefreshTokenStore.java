package dev.fieldlink.auth.refresh;

import java.time.Instant;
import java.util.Optional;

/**
 * Persistence of refresh tokens for {@link RefreshTokenService}. The relay implements it with one table ({@code
 * token_hash} primary key, {@code family_id}, {@code user_id}, {@code issued_at}, {@code expires_at}, {@code
 * rotated_at} nullable, {@code revoked}), indexed by family and user.
 *
 * <p>Implementations must be thread-safe; {@link #markRotated} must be atomic (a conditional {@code UPDATE}).
 */
public interface RefreshTokenStore {
    /** Stores a new token. */
    void insert(RefreshTokenRecord token);

    /** The token with this hash, if stored. */
    Optional<RefreshTokenRecord> findByHash(String tokenHash);

    /**
     * Marks the token rotated at {@code at}, only if it is neither rotated nor revoked ({@code UPDATE ... SET
     * rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL AND NOT revoked}).
     *
     * @return {@code true} if this call marked it; {@code false} if another call got there first
     */
    boolean markRotated(String tokenHash, Instant at);

    /** Revokes every token of the family. @return how many tokens changed */
    int revokeFamily(String familyId);

    /** Revokes every token of the user. @return how many tokens changed */
    int revokeUser(String userId);

    /** Deletes tokens that expired before {@code now} (housekeeping). @return how many were deleted */
    int deleteExpired(Instant now);
}
