package dev.fieldlink.auth.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The deny-list of token ids ({@code jti}) revoked before they expire, e.g. at logout. An entry stays until its
 * token's {@code exp} plus {@link #RETAIN_AFTER_EXPIRY} (which covers any allowed clock skew); after that the
 * token is refused as expired anyway. Memory is bounded by {@code maximumSize}; with 10-minute access tokens the
 * default holds 100 000 logouts per 10 minutes.
 *
 * <p>In memory, per process: a restarted relay forgets revocations of tokens that are still valid for at most one
 * access-token lifetime. Thread-safe; time comes from the injected clock.
 */
public final class RevokedTokens {
    /** How long an entry outlives its token's {@code exp}; at least the largest skew a verifier allows. */
    public static final Duration RETAIN_AFTER_EXPIRY = Duration.ofMinutes(5);

    /** Default bound on the number of entries. */
    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

    private final Cache<String, Instant> revoked;

    public RevokedTokens(Clock clock) {
        this(clock, DEFAULT_MAXIMUM_SIZE);
    }

    public RevokedTokens(Clock clock, long maximumSize) {
        Objects.requireNonNull(clock, "clock");
        this.revoked = Caffeine.newBuilder()
                .ticker(() -> nanos(clock.instant()))
                .executor(Runnable::run)
                .maximumSize(maximumSize)
                .expireAfter(new Expiry<String, Instant>() {
                    @Override
                    public long expireAfterCreate(String jti, Instant forgetAt, long currentTime) {
                        return Math.max(0, nanos(forgetAt) - currentTime);
                    }

                    @Override
                    public long expireAfterUpdate(String jti, Instant forgetAt, long currentTime, long remaining) {
                        return Math.max(remaining, Math.max(0, nanos(forgetAt) - currentTime));
                    }

                    @Override
                    public long expireAfterRead(String jti, Instant forgetAt, long currentTime, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    /** Refuses the token {@code jti} from now until it expires at {@code expiresAt}. */
    public void revoke(String jti, Instant expiresAt) {
        Objects.requireNonNull(jti, "jti");
        revoked.put(jti, expiresAt.plus(RETAIN_AFTER_EXPIRY));
    }

    /** Whether {@code jti} was revoked and its entry has not run out. */
    public boolean isRevoked(String jti) {
        return revoked.getIfPresent(jti) != null;
    }

    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
