package dev.fieldlink.agent.audit;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;

/**
 * The audit log cannot be written or read. An agent that cannot write its audit log must not let a session go on:
 * callers end the session (fail closed).
 */
public final class AuditLogException extends FieldlinkException {
    private static final long serialVersionUID = 1L;

    public AuditLogException(String detail, Throwable cause) {
        super(ProblemType.INTERNAL, detail, cause);
    }

    public AuditLogException(String detail) {
        super(ProblemType.INTERNAL, detail);
    }
}
