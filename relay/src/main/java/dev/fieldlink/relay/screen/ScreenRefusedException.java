package dev.fieldlink.relay.screen;

/**
 * A viewer may not open the screen channel it asked for. Only the SSH reason code reaches the viewer (OpenSSH shows
 * "administratively prohibited"); the message is for the audit log.
 */
public final class ScreenRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String subject;

    /**
     * @param code stable reason code, e.g. {@code ticket-session-mismatch}
     * @param subject audit subject ({@code session:<id>} or {@code target:<host>})
     */
    public ScreenRefusedException(String code, String subject, String message) {
        super(message);
        this.code = code;
        this.subject = subject;
    }

    public String code() {
        return code;
    }

    public String subject() {
        return subject;
    }
}
