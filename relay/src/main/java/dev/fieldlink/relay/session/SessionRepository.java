package dev.fieldlink.relay.session;

import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Sessions in the database. {@link #insert} fails with a unique-key violation when the machine already has a live
 * session; {@link #update} changes a row only if its state is still the expected one, so concurrent transitions
 * cannot both win. Thread-safe.
 */
public final class SessionRepository {
    private final Jdbc jdbc;

    public SessionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    public void insert(SessionRecord s) {
        jdbc.update(
                "INSERT INTO sessions (id, machine_id, technician_id, state, reason, case_number, requested_minutes, "
                        + "granted_minutes, created_at, consent_deadline, started_at, expires_at, ended_at, end_cause, "
                        + "operator_name, extension_minutes, extension_deadline, live_machine) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(),
                s.machineId(),
                s.technicianId(),
                s.state(),
                s.reason(),
                s.caseNumber(),
                s.requestedMinutes(),
                s.grantedMinutes(),
                s.createdAt(),
                s.consentDeadline(),
                s.startedAt(),
                s.expiresAt(),
                s.endedAt(),
                s.endCause(),
                s.operator(),
                s.extensionMinutes(),
                s.extensionDeadline(),
                s.live() ? s.machineId() : null);
    }

    /**
     * Writes {@code next} if the stored state is still {@code expected}.
     *
     * @return true if written
     */
    public boolean update(SessionRecord next, SessionState expected) {
        return jdbc.update(
                        "UPDATE sessions SET state = ?, granted_minutes = ?, started_at = ?, expires_at = ?, "
                                + "ended_at = ?, end_cause = ?, operator_name = ?, extension_minutes = ?, "
                                + "extension_deadline = ?, live_machine = ? WHERE id = ? AND state = ?",
                        next.state(),
                        next.grantedMinutes(),
                        next.startedAt(),
                        next.expiresAt(),
                        next.endedAt(),
                        next.endCause(),
                        next.operator(),
                        next.extensionMinutes(),
                        next.extensionDeadline(),
                        next.live() ? next.machineId() : null,
                        next.id(),
                        expected)
                == 1;
    }

    public Optional<SessionRecord> find(String id) {
        return jdbc.queryOne("SELECT * FROM sessions WHERE id = ?", SessionRepository::row, id);
    }

    /** Sessions that are pending or active. */
    public List<SessionRecord> live() {
        return jdbc.query(
                "SELECT * FROM sessions WHERE state IN ('PENDING_CONSENT', 'ACTIVE') ORDER BY created_at",
                SessionRepository::row);
    }

    static SessionRecord row(ResultSet rs) throws SQLException {
        String cause = rs.getString("end_cause");
        return new SessionRecord(
                rs.getString("id"),
                rs.getString("machine_id"),
                rs.getString("technician_id"),
                SessionState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                rs.getString("case_number"),
                rs.getInt("requested_minutes"),
                Jdbc.nullableInt(rs, "granted_minutes"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "consent_deadline"),
                Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "expires_at"),
                Jdbc.instant(rs, "ended_at"),
                cause == null ? null : EndCause.valueOf(cause),
                rs.getString("operator_name"),
                Jdbc.nullableInt(rs, "extension_minutes"),
                Jdbc.instant(rs, "extension_deadline"));
    }
}
