package dev.fieldlink.protocol.audit;

/** The audit event types Fieldlink writes. Types are strings so that a relay accepts events of newer agents. */
public final class AuditEventTypes {
    private AuditEventTypes() {}

    // Identity
    public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGOUT = "LOGOUT";
    public static final String REFRESH_REUSE_DETECTED = "REFRESH_REUSE_DETECTED";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";

    // Session lifecycle
    public static final String SESSION_REQUESTED = "SESSION_REQUESTED";
    public static final String CONSENT_GIVEN = "CONSENT_GIVEN";
    public static final String CONSENT_DECLINED = "CONSENT_DECLINED";
    public static final String CONSENT_TIMEOUT = "CONSENT_TIMEOUT";
    public static final String SESSION_CANCELLED = "SESSION_CANCELLED";
    public static final String EXTENSION_REQUESTED = "EXTENSION_REQUESTED";
    public static final String EXTENSION_GRANTED = "EXTENSION_GRANTED";
    public static final String EXTENSION_DECLINED = "EXTENSION_DECLINED";
    public static final String SESSION_ENDED = "SESSION_ENDED";
    public static final String TICKET_ISSUED = "TICKET_ISSUED";
    public static final String CHAT_MESSAGE = "CHAT_MESSAGE";

    // Screen channel
    public static final String CHANNEL_OPENED = "CHANNEL_OPENED";
    public static final String CHANNEL_REFUSED = "CHANNEL_REFUSED";
    public static final String CHANNEL_CLOSED = "CHANNEL_CLOSED";
    public static final String INPUT_CLICK = "INPUT_CLICK";
    public static final String INPUT_KEYS = "INPUT_KEYS";
    public static final String INPUT_CLIPBOARD = "INPUT_CLIPBOARD";

    // Machines and agents
    public static final String AGENT_CONNECTED = "AGENT_CONNECTED";
    public static final String AGENT_DISCONNECTED = "AGENT_DISCONNECTED";
    public static final String AGENT_REPLACED = "AGENT_REPLACED";
    public static final String AGENT_AUTH_REFUSED = "AGENT_AUTH_REFUSED";
    public static final String AGENT_ENROLLED = "AGENT_ENROLLED";
    public static final String SWITCH_CHANGED = "SWITCH_CHANGED";
    public static final String HOST_KEY_MISMATCH = "HOST_KEY_MISMATCH";
    public static final String AUDIT_QUOTA_REACHED = "AUDIT_QUOTA_REACHED";

    // Administration
    public static final String USER_ADDED = "USER_ADDED";
    public static final String USER_UPDATED = "USER_UPDATED";
    public static final String USER_DISABLED = "USER_DISABLED";
    public static final String TOTP_RESET = "TOTP_RESET";
    public static final String UNDERTAKING_SIGNED = "UNDERTAKING_SIGNED";
    public static final String MACHINE_ADDED = "MACHINE_ADDED";
    public static final String MACHINE_PROVISIONED = "MACHINE_PROVISIONED";
    public static final String KEYS_ROTATED = "KEYS_ROTATED";
}
