package dev.fieldlink.policy;

/** Whether an account may be used at all. A disabled account is denied everything. */
public enum AccountState {
    ACTIVE,
    DISABLED
}
