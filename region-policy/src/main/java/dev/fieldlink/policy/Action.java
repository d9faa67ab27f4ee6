package dev.fieldlink.policy;

/** What a person wants to do with a machine. Each action has its own checks; see {@link EntitlementPolicy}. */
public enum Action {
    /** See the machine in the machine list, or read it by id. */
    LIST,
    /** Ask the machine's operator for a screen session. */
    REQUEST_SESSION,
    /** Open the screen channel of an active session. */
    OPEN_CHANNEL,
    /** Read the machine's session histories and replay their recordings (team leads). */
    VIEW_HISTORY,
    /** Transfer files during a session. */
    FILE_TRANSFER
}
