package dev.fieldlink.relay.history;

import static dev.fieldlink.protocol.audit.AuditEventTypes.ACCESS_DENIED;

import dev.fieldlink.policy.Action;
import dev.fieldlink.policy.Decision;
import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.HistoryDetail;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.protocol.api.Page;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.audit.AuditRepository;
import dev.fieldlink.relay.db.Jdbc;
import dev.fieldlink.relay.machine.MachineRecord;
import dev.fieldlink.relay.machine.MachineRepository;
import dev.fieldlink.relay.recording.RecordingInfo;
import dev.fieldlink.relay.recording.RecordingRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What team leads (and administrators) see of past and current sessions: only sessions on machines in their regions
 * ({@link Action#VIEW_HISTORY}); anything else answers like an unknown id, and the denial is audited. Thread-safe.
 */
public final class HistoryService {
    private static final String SELECT = "SELECT s.id, s.machine_id, s.technician_id, s.state, s.end_cause, s.reason, "
            + "s.case_number, s.created_at, s.started_at, s.ended_at, m.name AS machine_name, m.customer, m.region, "
            + "t.display_name AS technician_name, (SELECT SUM(r.bytes) FROM recordings r WHERE r.session_id = s.id "
            + "AND r.deleted_at IS NULL) AS recording_bytes FROM sessions s JOIN machines m ON m.id = s.machine_id "
            + "JOIN technicians t ON t.id = s.technician_id";

    private final Jdbc jdbc;
    private final MachineRepository machines;
    private final AuditRepository auditEvents;
    private final RecordingRepository recordings;
    private final EntitlementPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public HistoryService(
            Jdbc jdbc,
            MachineRepository machines,
            AuditRepository auditEvents,
            RecordingRepository recordings,
            EntitlementPolicy policy,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.machines = machines;
        this.auditEvents = auditEvents;
        this.recordings = recordings;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sessions newest first, within the caller's regions. */
    public Page<HistoryEntry> list(Account caller, HistoryQuery q) {
        requireReviewer(caller);
        if (!policy.undertakingValid(caller.toTechnician(), clock.instant())) {
            throw new FieldlinkException(
                    ProblemType.UNDERTAKING_EXPIRED,
                    "session history needs a valid security and privacy undertaking; sign it again first");
        }
        Set<String> regions = policy.coveredRegions(caller.toTechnician());
        if (regions.isEmpty()) {
            return new Page<>(List.of(), 0, q.offset(), q.limit());
        }
        StringBuilder where = new StringBuilder(" WHERE m.region IN (");
        List<Object> params = new ArrayList<>();
        for (String r : regions) {
            where.append(params.isEmpty() ? "?" : ", ?");
            params.add(r);
        }
        where.append(')');
        if (q.technician() != null) {
            where.append(" AND (s.technician_id = ? OR t.username = ?)");
            params.add(q.technician());
            params.add(q.technician().toLowerCase(Locale.ROOT));
        }
        if (q.machine() != null) {
            where.append(" AND s.machine_id = ?");
            params.add(q.machine());
        }
        if (q.customer() != null) {
            where.append(" AND LOWER(m.customer) LIKE ?");
            params.add(
                    "%" + q.customer().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (q.from() != null) {
            where.append(" AND s.created_at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND s.created_at < ?");
            params.add(q.to());
        }
        if (q.outcome() != null) {
            boolean isState = java.util.Arrays.stream(SessionState.values())
                    .anyMatch(s -> s.name().equals(q.outcome()));
            where.append(isState ? " AND s.state = ?" : " AND s.end_cause = ?");
            params.add(q.outcome());
        }
        long total = jdbc.queryLong(
                "SELECT COUNT(*) FROM sessions s JOIN machines m ON m.id = s.machine_id "
                        + "JOIN technicians t ON t.id = s.technician_id" + where,
                params.toArray());
        List<HistoryEntry> items = jdbc.query(
                SELECT + where + " ORDER BY s.created_at DESC, s.id OFFSET " + q.offset() + " ROWS FETCH NEXT "
                        + q.limit() + " ROWS ONLY",
                HistoryService::row,
                params.toArray());
        return new Page<>(items, total, q.offset(), q.limit());
    }

    /** One session with its whole audit timeline (relay and agent events). */
    public HistoryDetail detail(Account caller, String sessionId) {
        HistoryEntry e = visible(caller, sessionId);
        return new HistoryDetail(e, auditEvents.forSession(sessionId, e.machineId()));
    }

    /** The recording segments of a session the caller may see. */
    public List<RecordingInfo> recordings(Account caller, String sessionId) {
        visible(caller, sessionId);
        return recordings.forSession(sessionId);
    }

    private HistoryEntry visible(Account caller, String sessionId) {
        requireReviewer(caller);
        HistoryEntry e = sessionId == null || sessionId.length() > 64
                ? null
                : jdbc.queryOne(SELECT + " WHERE s.id = ?", HistoryService::row, sessionId)
                        .orElse(null);
        MachineRecord m = e == null ? null : machines.find(e.machineId()).orElse(null);
        Decision d = m == null
                ? null
                : policy.decide(caller.toTechnician(), m.toPolicy(), Action.VIEW_HISTORY, clock.instant());
        if (d == null || d.denied()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("action", Action.VIEW_HISTORY.name());
            details.put("reason", d == null ? "UNKNOWN_SESSION" : d.reason().name());
            details.put("detail", d == null ? "no such session" : d.detail());
            audit.record(ACCESS_DENIED, caller.actor(), "session:" + (sessionId == null ? "" : sessionId), details);
            throw new FieldlinkException(ProblemType.NOT_FOUND, "no session " + sessionId);
        }
        return e;
    }

    private static void requireReviewer(Account caller) {
        if (!caller.roles().contains(Role.TEAM_LEAD) && !caller.roles().contains(Role.ADMIN)) {
            throw new FieldlinkException(ProblemType.FORBIDDEN, "session history is for team leads and administrators");
        }
    }

    private static HistoryEntry row(ResultSet rs) throws SQLException {
        String cause = rs.getString("end_cause");
        long bytes = rs.getLong("recording_bytes");
        Long recordingBytes = rs.wasNull() ? null : bytes;
        return new HistoryEntry(
                rs.getString("id"),
                rs.getString("machine_id"),
                rs.getString("machine_name"),
                rs.getString("customer"),
                rs.getString("region"),
                rs.getString("technician_id"),
                rs.getString("technician_name"),
                SessionState.valueOf(rs.getString("state")),
                cause == null ? null : EndCause.valueOf(cause),
                rs.getString("reason"),
                rs.getString("case_number"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "ended_at"),
                recordingBytes);
    }
}
