package dev.fieldlink.protocol.session;

/** Why a session ended (or never started). Recorded with {@code SESSION_ENDED}. */
public enum EndCause {
    /** The technician pressed End. */
    TECHNICIAN,
    /** The operator pressed End now at the machine. */
    OPERATOR,
    /** An administrator ended it. */
    ADMIN,
    /** The granted time ran out. */
    EXPIRED,
    /** The technician's entitlement to the machine changed. */
    POLICY_CHANGE,
    /** The technician's account was disabled. */
    ACCOUNT_DISABLED,
    /** The customer turned the remote-service switch off. */
    SWITCH_OFF,
    /** The machine's connection to the relay was lost. */
    AGENT_DISCONNECTED,
    /** The operator declined the request. */
    DECLINED,
    /** Nobody answered the request in time. */
    CONSENT_TIMEOUT,
    /** The technician withdrew the request. */
    CANCELLED,
    /**
     * The relay could not parse the technician's input stream (the RFB client-to-server stream), so it could not audit
     * it. The relay never passes on input it cannot audit: it closes the screen channel before the unparseable bytes
     * reach the machine and ends the session. Audited as {@code INPUT_AUDIT_FAILED} with the parser's reason.
     */
    UNAUDITABLE_INPUT
}
