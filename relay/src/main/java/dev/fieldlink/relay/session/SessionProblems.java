package dev.fieldlink.relay.session;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;

/** Input checks and the failures the broker answers with; messages name the field or id. */
final class SessionProblems {
    private SessionProblems() {}

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new FieldlinkException(ProblemType.VALIDATION, field + " is required");
        }
        return optional(value, field, max);
    }

    static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new FieldlinkException(
                    ProblemType.VALIDATION, field + " is " + v.length() + " characters long; at most " + max);
        }
        return v;
    }

    static String truncate(String v, int max) {
        return v.length() > max ? v.substring(0, max) : v;
    }

    static FieldlinkException notFoundMachine(String id) {
        return new FieldlinkException(ProblemType.NOT_FOUND, "no machine " + id);
    }

    static FieldlinkException notFoundSession(String id) {
        return new FieldlinkException(ProblemType.NOT_FOUND, "no session " + id);
    }

    static FieldlinkException invalidState(String id) {
        return new FieldlinkException(ProblemType.INVALID_STATE, "session " + id + " changed state; read it again");
    }

    static FieldlinkException invalidState(SessionRecord s) {
        return new FieldlinkException(
                ProblemType.INVALID_STATE, "session " + s.id() + " is " + s.state() + "; this is not possible now");
    }
}
