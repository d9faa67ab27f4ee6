package dev.fieldlink.relay.machine;

import dev.fieldlink.relay.db.Jdbc;
import java.time.Instant;

/** One-time enrolment codes, stored as SHA-256 hashes. Thread-safe. */
public final class EnrolmentCodeRepository {
    private final Jdbc jdbc;

    public EnrolmentCodeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String codeHash, String machineId, Instant createdAt, Instant expiresAt) {
        jdbc.update(
                "INSERT INTO enrolment_codes (code_hash, machine_id, created_at, expires_at, used_at) "
                        + "VALUES (?, ?, ?, ?, NULL)",
                codeHash,
                machineId,
                createdAt,
                expiresAt);
    }

    /**
     * Uses the code up if it belongs to {@code machineId}, is unused and has not expired at {@code now}; atomic.
     *
     * @return true if this call used it
     */
    public boolean consume(String codeHash, String machineId, Instant now) {
        return jdbc.update(
                        "UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ? AND machine_id = ? "
                                + "AND used_at IS NULL AND expires_at > ?",
                        now,
                        codeHash,
                        machineId,
                        now)
                == 1;
    }
}
