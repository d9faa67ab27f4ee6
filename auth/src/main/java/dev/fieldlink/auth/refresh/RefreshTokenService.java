package dev.fieldlink.auth.refresh;

import dev.fieldlink.auth.AuthException;
import dev.fieldlink.auth.AuthException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotating refresh tokens with reuse detection (OAuth 2.0 Security BCP, section 4.14).
 *
 * <p>Each login starts a family. Every use of a refresh token rotates it: the presented token is marked used and a
 * new one of the same family is returned, valid for {@code ttl} from now. Presenting a used token again means two
 * parties hold it; the whole family is revoked and {@link RefreshReuseException} thrown, so both the thief and the
 * user must sign in again. Clients must therefore never refresh twice with the same token (the console's
 * authenticator serialises refreshes).
 *
 * <p>Only SHA-256 hashes of tokens are stored; tokens have 256 random bits, so a plain hash suffices. Thread-safe
 * if the store is.
 */
public final class RefreshTokenService {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenService.class);
    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_LENGTH = 43;

    private final RefreshTokenStore store;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random;

    /**
     * @param ttl how long a token stays valid after it is issued (each rotation starts a new period)
     */
    public RefreshTokenService(RefreshTokenStore store, Clock clock, Duration ttl) {
        this(store, clock, ttl, new SecureRandom());
    }

    public RefreshTokenService(RefreshTokenStore store, Clock clock, Duration ttl, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The refresh token lifetime must be positive");
        }
        this.ttl = ttl;
    }

    /** A new token for {@code userId}, starting a new family (call at login). */
    public IssuedRefreshToken issue(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        return issue(userId, newFamilyId(), clock.instant());
    }

    /**
     * Exchanges {@code presented} for its successor.
     *
     * @throws RefreshReuseException if the token was already rotated (the family is now revoked)
     * @throws AuthException with {@link Reason#REFRESH_UNKNOWN}, {@link Reason#REFRESH_REVOKED} or {@link
     *     Reason#REFRESH_EXPIRED}
     */
    public Rotation rotate(String presented) {
        RefreshTokenRecord token = find(presented)
                .orElseThrow(() -> new AuthException(Reason.REFRESH_UNKNOWN, "The refresh token is not valid"));
        Instant now = clock.instant();
        if (token.rotatedAt() != null) {
            throw reuse(token);
        }
        if (token.revoked()) {
            throw new AuthException(Reason.REFRESH_REVOKED, "The refresh token was revoked; sign in again");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw new AuthException(Reason.REFRESH_EXPIRED, "The refresh token has expired; sign in again");
        }
        if (!store.markRotated(token.tokenHash(), now)) {
            // Another request rotated or revoked it between our read and our write.
            RefreshTokenRecord current = store.findByHash(token.tokenHash()).orElse(token);
            if (current.rotatedAt() != null) {
                throw reuse(current);
            }
            throw new AuthException(Reason.REFRESH_REVOKED, "The refresh token was revoked; sign in again");
        }
        IssuedRefreshToken next = issue(token.userId(), token.familyId(), now);
        return new Rotation(token.userId(), next);
    }

    /** Revokes the family of {@code presented} (logout). Unknown or malformed tokens are ignored. */
    public void revoke(String presented) {
        find(presented).ifPresent(token -> store.revokeFamily(token.familyId()));
    }

    /** Revokes every refresh token of {@code userId} (account disabled, password reset). */
    public int revokeAll(String userId) {
        return store.revokeUser(userId);
    }

    /** SHA-256 of a token as lower-case hex: what the store keys on. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private Optional<RefreshTokenRecord> find(String presented) {
        if (!wellFormed(presented)) {
            return Optional.empty();
        }
        return store.findByHash(hash(presented));
    }

    private AuthException reuse(RefreshTokenRecord token) {
        int revoked = store.revokeFamily(token.familyId());
        LOG.warn(
                "Refresh token reuse for user {}: revoked family {} ({} tokens)",
                token.userId(),
                token.familyId(),
                revoked);
        return new RefreshReuseException(token.userId(), token.familyId());
    }

    private IssuedRefreshToken issue(String userId, String familyId, Instant now) {
        String token = randomToken();
        Instant expiresAt = now.plus(ttl);
        store.insert(new RefreshTokenRecord(hash(token), familyId, userId, now, expiresAt, null, false));
        return new IssuedRefreshToken(token, familyId, expiresAt);
    }

    private String randomToken() {
        return randomBase64(TOKEN_BYTES);
    }

    private String newFamilyId() {
        return randomBase64(16);
    }

    private String randomBase64(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean wellFormed(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
