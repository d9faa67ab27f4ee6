package dev.fieldlink.relay.account;

import dev.fieldlink.auth.refresh.RefreshTokenRecord;
import dev.fieldlink.auth.refresh.RefreshTokenStore;
import dev.fieldlink.relay.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link RefreshTokenStore} on the {@code refresh_tokens} table (hashes only). Thread-safe. */
public final class JdbcRefreshTokenStore implements RefreshTokenStore {
    private final Jdbc jdbc;

    public JdbcRefreshTokenStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(RefreshTokenRecord t) {
        jdbc.update(
                "INSERT INTO refresh_tokens (token_hash, family_id, user_id, issued_at, expires_at, rotated_at, revoked)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                t.tokenHash(),
                t.familyId(),
                t.userId(),
                t.issuedAt(),
                t.expiresAt(),
                t.rotatedAt(),
                t.revoked());
    }

    @Override
    public Optional<RefreshTokenRecord> findByHash(String tokenHash) {
        return jdbc.queryOne(
                "SELECT * FROM refresh_tokens WHERE token_hash = ?", JdbcRefreshTokenStore::row, tokenHash);
    }

    @Override
    public boolean markRotated(String tokenHash, Instant at) {
        return jdbc.update(
                        "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL "
                                + "AND revoked = FALSE",
                        at,
                        tokenHash)
                == 1;
    }

    @Override
    public int revokeFamily(String familyId) {
        return jdbc.update(
                "UPDATE refresh_tokens SET revoked = TRUE WHERE family_id = ? AND revoked = FALSE", familyId);
    }

    @Override
    public int revokeUser(String userId) {
        return jdbc.update("UPDATE refresh_tokens SET revoked = TRUE WHERE user_id = ? AND revoked = FALSE", userId);
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM refresh_tokens WHERE expires_at < ?", now);
    }

    private static RefreshTokenRecord row(ResultSet rs) throws SQLException {
        return new RefreshTokenRecord(
                rs.getString("token_hash"),
                rs.getString("family_id"),
                rs.getString("user_id"),
                Jdbc.instant(rs, "issued_at"),
                Jdbc.instant(rs, "expires_at"),
                Jdbc.instant(rs, "rotated_at"),
                rs.getBoolean("revoked"));
    }
}
