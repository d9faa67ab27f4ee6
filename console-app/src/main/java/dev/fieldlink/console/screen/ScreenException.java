package dev.fieldlink.console.screen;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import java.util.Objects;

/**
 * The tunnel opened, but the machine's screen did not work out: no answer in time, a broken RFB stream, or a
 * cancelled wait. The message names what (never a secret). Failures before the tunnel stay
 * {@link dev.fieldlink.console.relay.RelayException}s.
 */
public final class ScreenException extends FieldlinkException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The handshake or the first picture did not arrive before the deadline. */
        TIMEOUT,
        /** The RFB stream failed or broke the protocol; the message says how. */
        FAILED,
        /** The wait was cancelled. */
        CANCELLED
    }

    private final Reason reason;

    ScreenException(Reason reason, String message, Throwable cause) {
        super(ProblemType.UNAVAILABLE, message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
