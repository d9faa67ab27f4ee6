package dev.fieldlink.relay.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.relay.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Audit events in the database: insert and read, never update or delete. Thread-safe. */
public final class AuditRepository {
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};
    private static final String COLUMNS =
            "stream, sequence, type, actor, subject, event_time, details, prev_hash, hash";

    private final Jdbc jdbc;
    private final ObjectMapper mapper = Json.mapper();

    public AuditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    /** Appends a sealed event. A duplicate (stream, sequence) fails with a unique-key violation. */
    public void insert(AuditEvent e, Instant receivedAt) {
        jdbc.update(
                "INSERT INTO audit_events (stream, sequence, type, actor, subject, session_id, event_time, details, "
                        + "prev_hash, hash, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.stream(),
                e.sequence(),
                e.type(),
                e.actor(),
                e.subject(),
                sessionColumn(e),
                e.time(),
                detailsJson(e.details()),
                e.prevHash(),
                e.hash(),
                receivedAt);
    }

    /**
     * The session an event belongs to, for the timeline index; none when the subject names something longer than a
     * session id can be (a denied look-up of an invented id), which no session's timeline will ask for.
     */
    private static String sessionColumn(AuditEvent e) {
        String id = e.sessionId();
        return id != null && id.length() <= 64 ? id : null;
    }

    /** The last event of a stream, if it has any. */
    public Optional<AuditEvent> head(String stream) {
        return jdbc.queryOne(
                "SELECT " + COLUMNS + " FROM audit_events WHERE stream = ? AND sequence = "
                        + "(SELECT MAX(sequence) FROM audit_events WHERE stream = ?)",
                this::row,
                stream,
                stream);
    }

    /** The event at {@code sequence} of {@code stream}, if stored. */
    public Optional<AuditEvent> find(String stream, long sequence) {
        return jdbc.queryOne(
                "SELECT " + COLUMNS + " FROM audit_events WHERE stream = ? AND sequence = ?",
                this::row,
                stream,
                sequence);
    }

    /** Up to {@code limit} events of a stream with sequence greater than {@code after}, in order. */
    public List<AuditEvent> page(String stream, long after, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM audit_events WHERE stream = ? AND sequence > ? ORDER BY sequence "
                        + "FETCH FIRST " + limit + " ROWS ONLY",
                this::row,
                stream,
                after);
    }

    /** Every stream name, sorted. */
    public List<String> streams() {
        return jdbc.query("SELECT DISTINCT stream FROM audit_events ORDER BY stream", rs -> rs.getString(1));
    }

    /**
     * Every event about a session in time order: the relay's, and those of the session's own machine. Another
     * machine's agent can name any session in its events; those stay in its own stream and never join this timeline.
     */
    public List<AuditEvent> forSession(String sessionId, String machineId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM audit_events WHERE session_id = ? AND stream IN (?, ?)"
                        + " ORDER BY event_time, stream, sequence",
                this::row,
                sessionId,
                AuditLog.STREAM,
                AgentAuditIngest.streamOf(machineId));
    }

    /** Events of {@code type} in the relay's stream, newest last (for tests and admin views). */
    public List<AuditEvent> ofType(String type) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM audit_events WHERE type = ? ORDER BY stream, sequence", this::row, type);
    }

    public long count() {
        return jdbc.queryLong("SELECT COUNT(*) FROM audit_events");
    }

    String detailsJson(Map<String, String> details) {
        try {
            return mapper.writeValueAsString(new java.util.TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details cannot be serialised", e);
        }
    }

    private AuditEvent row(ResultSet rs) throws SQLException {
        Map<String, String> details;
        try {
            details = mapper.readValue(rs.getString("details"), DETAILS);
        } catch (JsonProcessingException e) {
            // A damaged row must still be reported by verify, not crash it: keep what can be shown.
            details = Map.of("_unreadable", "details column is not a JSON object of strings");
        }
        return new AuditEvent(
                rs.getString("stream"),
                rs.getLong("sequence"),
                rs.getString("type"),
                rs.getString("actor"),
                rs.getString("subject"),
                Jdbc.instant(rs, "event_time"),
                details,
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
