package dev.fieldlink.relay.history;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Filters and page of {@code GET history/sessions}; null filters match everything.
 *
 * @param technician technician id or username
 * @param customer part of the customer name, case-insensitive
 * @param from sessions created at or after
 * @param to sessions created before
 * @param outcome a session state ({@code ENDED}, {@code DECLINED}, ...) or an end cause ({@code EXPIRED}, ...)
 */
public record HistoryQuery(
        String technician,
        String machine,
        String customer,
        Instant from,
        Instant to,
        String outcome,
        int offset,
        int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public HistoryQuery {
        if (offset < 0) {
            throw new FieldlinkException(ProblemType.VALIDATION, "offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FieldlinkException(ProblemType.VALIDATION, "limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new FieldlinkException(ProblemType.VALIDATION, "from must be before to");
        }
        if (outcome != null) {
            String o = outcome.strip().toUpperCase(Locale.ROOT);
            boolean known = Arrays.stream(SessionState.values())
                            .anyMatch(s -> s.name().equals(o))
                    || Arrays.stream(EndCause.values()).anyMatch(c -> c.name().equals(o));
            if (!known) {
                throw new FieldlinkException(
                        ProblemType.VALIDATION,
                        "outcome must be a session state " + Arrays.toString(SessionState.values())
                                + " or an end cause " + Arrays.toString(EndCause.values()));
            }
            outcome = o;
        }
        technician = blankToNull(technician);
        machine = blankToNull(machine);
        customer = blankToNull(customer);
    }

    public static HistoryQuery all() {
        return new HistoryQuery(null, null, null, null, null, null, 0, DEFAULT_LIMIT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
