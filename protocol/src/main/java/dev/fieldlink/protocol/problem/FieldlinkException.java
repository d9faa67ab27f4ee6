package dev.fieldlink.protocol.problem;

import java.util.Objects;

/**
 * The root of Fieldlink's own failures. Its {@link ProblemType} decides the HTTP answer and the CLI exit code; its
 * message is the {@code detail} shown to the user, so it names what was wrong and never contains a secret.
 */
public class FieldlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final Long retryAfterSeconds;

    public FieldlinkException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    public FieldlinkException(ProblemType type, String detail, Throwable cause) {
        this(type, detail, null, cause);
    }

    public FieldlinkException(ProblemType type, String detail, Long retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.type = Objects.requireNonNull(type, "type");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }

    /** Seconds after which a retry may succeed, or {@code null}. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The problem document this failure answers with. */
    public Problem toProblem() {
        Problem problem = Problem.of(type, getMessage());
        return retryAfterSeconds == null ? problem : problem.withRetryAfter(retryAfterSeconds);
    }
}
