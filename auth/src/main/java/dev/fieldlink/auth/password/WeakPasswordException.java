package dev.fieldlink.auth.password;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import java.util.Objects;

/**
 * A new password does not meet {@link PasswordRules}. The message says which rule, and never repeats the password.
 * Maps to {@link ProblemType#VALIDATION}.
 */
public class WeakPasswordException extends FieldlinkException {
    private static final long serialVersionUID = 1L;

    /** Which rule the password broke. */
    public enum Reason {
        TOO_SHORT,
        TOO_LONG,
        COMMON,
        CONTAINS_USERNAME
    }

    private final Reason reason;

    public WeakPasswordException(Reason reason, String detail) {
        super(ProblemType.VALIDATION, detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
