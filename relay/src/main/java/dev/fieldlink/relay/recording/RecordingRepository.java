package dev.fieldlink.relay.recording;

import dev.fieldlink.relay.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Recording metadata. Thread-safe. */
public final class RecordingRepository {
    private final Jdbc jdbc;

    public RecordingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Reserves the next segment number of a session and records its start. */
    public RecordingInfo start(String sessionId, Instant now, String extension) {
        return jdbc.inTransaction(() -> {
            int segment = (int) jdbc.queryLong(
                            "SELECT COALESCE(MAX(segment), 0) FROM recordings WHERE session_id = ?", sessionId)
                    + 1;
            String file = sessionId + "-" + segment + extension;
            jdbc.update(
                    "INSERT INTO recordings (session_id, segment, file_name, bytes, started_at) VALUES (?, ?, ?, 0, ?)",
                    sessionId,
                    segment,
                    file,
                    now);
            return new RecordingInfo(sessionId, segment, file, 0, now, null);
        });
    }

    public void updateSize(String sessionId, int segment, long bytes) {
        jdbc.update("UPDATE recordings SET bytes = ? WHERE session_id = ? AND segment = ?", bytes, sessionId, segment);
    }

    public void finish(String sessionId, int segment, long bytes, Instant now) {
        jdbc.update(
                "UPDATE recordings SET bytes = ?, finished_at = ? WHERE session_id = ? AND segment = ?",
                bytes,
                now,
                sessionId,
                segment);
    }

    /** Segments of a session that are not deleted, in order. */
    public List<RecordingInfo> forSession(String sessionId) {
        return jdbc.query(
                "SELECT * FROM recordings WHERE session_id = ? AND deleted_at IS NULL ORDER BY segment",
                RecordingRepository::row,
                sessionId);
    }

    public Optional<RecordingInfo> find(String sessionId, int segment) {
        return jdbc.queryOne(
                "SELECT * FROM recordings WHERE session_id = ? AND segment = ? AND deleted_at IS NULL",
                RecordingRepository::row,
                sessionId,
                segment);
    }

    /** Segments started before {@code cutoff} and not deleted yet. */
    public List<RecordingInfo> olderThan(Instant cutoff) {
        return jdbc.query(
                "SELECT * FROM recordings WHERE started_at < ? AND deleted_at IS NULL",
                RecordingRepository::row,
                cutoff);
    }

    public void markDeleted(String sessionId, int segment, Instant now) {
        jdbc.update(
                "UPDATE recordings SET deleted_at = ? WHERE session_id = ? AND segment = ?", now, sessionId, segment);
    }

    private static RecordingInfo row(ResultSet rs) throws SQLException {
        return new RecordingInfo(
                rs.getString("session_id"),
                rs.getInt("segment"),
                rs.getString("file_name"),
                rs.getLong("bytes"),
                Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "finished_at"));
    }
}
