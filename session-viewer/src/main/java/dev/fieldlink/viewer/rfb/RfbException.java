package dev.fieldlink.viewer.rfb;

import java.io.IOException;

/**
 * The one error of the RFB engine. Its message names what was wrong (message type, field and offending value) and
 * never contains secrets. A connection that raises it is ended.
 */
public class RfbException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; callers map it to user messages and exit codes. */
    public enum Kind {
        /** The peer broke the protocol (bad message type, field value, rectangle out of bounds). */
        PROTOCOL,
        /** The peer sent more than a configured limit allows. */
        LIMIT,
        /** The peer asked for something valid that this engine does not support. */
        UNSUPPORTED,
        /** Authentication failed or was refused. */
        AUTHENTICATION
    }

    private final Kind kind;

    public RfbException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RfbException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static RfbException protocol(String message) {
        return new RfbException(Kind.PROTOCOL, message);
    }

    public static RfbException limit(String message) {
        return new RfbException(Kind.LIMIT, message);
    }

    public static RfbException unsupported(String message) {
        return new RfbException(Kind.UNSUPPORTED, message);
    }
}
