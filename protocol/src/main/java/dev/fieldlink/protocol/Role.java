package dev.fieldlink.protocol;

/** What a person may do in Fieldlink besides reaching machines; a person can hold several roles. */
public enum Role {
    /** Opens sessions to machines of their regions and certified product lines. */
    TECHNICIAN,
    /** Reviews session histories and replays recordings of their regions. */
    TEAM_LEAD,
    /** Runs training in the sandbox. */
    TRAINER,
    /** Manages accounts, machines and keys. */
    ADMIN
}
