package dev.fieldlink.auth.refresh;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * A {@link RefreshTokenStore} in memory, for tests and the sandbox. Thread-safe; call {@link #deleteExpired}
 * periodically to bound it.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
    private final ConcurrentMap<String, RefreshTokenRecord> byHash = new ConcurrentHashMap<>();

    @Override
    public void insert(RefreshTokenRecord token) {
        if (byHash.putIfAbsent(token.tokenHash(), token) != null) {
            throw new IllegalStateException("A refresh token with this hash is already stored");
        }
    }

    @Override
    public Optional<RefreshTokenRecord> findByHash(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public boolean markRotated(String tokenHash, Instant at) {
        boolean[] marked = {false};
        byHash.computeIfPresent(tokenHash, (hash, t) -> {
            if (t.rotatedAt() != null || t.revoked()) {
                return t;
            }
            marked[0] = true;
            return new RefreshTokenRecord(
                    t.tokenHash(), t.familyId(), t.userId(), t.issuedAt(), t.expiresAt(), at, false);
        });
        return marked[0];
    }

    @Override
    public int revokeFamily(String familyId) {
        return revokeWhere(t -> t.familyId().equals(familyId));
    }

    @Override
    public int revokeUser(String userId) {
        return revokeWhere(t -> t.userId().equals(userId));
    }

    @Override
    public int deleteExpired(Instant now) {
        int[] count = {0};
        byHash.values().removeIf(t -> {
            boolean expired = t.expiresAt().isBefore(now);
            if (expired) {
                count[0]++;
            }
            return expired;
        });
        return count[0];
    }

    private int revokeWhere(Predicate<RefreshTokenRecord> match) {
        int count = 0;
        for (Map.Entry<String, RefreshTokenRecord> entry : byHash.entrySet()) {
            RefreshTokenRecord[] changed = {null};
            byHash.computeIfPresent(entry.getKey(), (hash, t) -> {
                if (!match.test(t) || t.revoked()) {
                    return t;
                }
                changed[0] = new RefreshTokenRecord(
                        t.tokenHash(), t.familyId(), t.userId(), t.issuedAt(), t.expiresAt(), t.rotatedAt(), true);
                return changed[0];
            });
            if (changed[0] != null) {
                count++;
            }
        }
        return count;
    }

    /** The number of stored tokens (for tests). */
    public int size() {
        return byHash.size();
    }
}
