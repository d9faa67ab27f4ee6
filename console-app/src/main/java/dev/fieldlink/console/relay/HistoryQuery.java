package dev.fieldlink.console.relay;

import dev.fieldlink.protocol.session.SessionState;
import java.time.Instant;

/**
 * Filters of {@code GET history/sessions}; {@code null} means "any".
 *
 * @param technician technician id or user name
 * @param machine machine id
 * @param customer customer name
 * @param from sessions created at or after this instant
 * @param to sessions created before this instant
 * @param outcome the session's final (or current) state
 */
public record HistoryQuery(
        String technician, String machine, String customer, Instant from, Instant to, SessionState outcome) {
    /** Every session the team lead may review. */
    public static final HistoryQuery ALL = new HistoryQuery(null, null, null, null, null, null);
}
