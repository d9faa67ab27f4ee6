package dev.fieldlink.policy;

/**
 * Why a {@link Decision} denies. The names are stable codes: they appear in audit events, API problem details and
 * the admin's {@code explain}, so renaming one is a contract change.
 */
public enum DenyReason {
    /** The account is disabled. */
    ACCOUNT_DISABLED,
    /** No security and privacy undertaking is on record. */
    UNDERTAKING_MISSING,
    /** The undertaking on record is older than its validity; it must be renewed. */
    UNDERTAKING_EXPIRED,
    /** None of the person's roles permits the action. */
    ROLE,
    /** None of the person's regions covers the machine's region, or the machine's region is unknown. */
    REGION,
    /** The person holds no certification for the machine's product line, or the product line is unknown. */
    PRODUCT_LINE,
    /** The certification for the machine's product line has expired. */
    CERTIFICATION_EXPIRED,
    /** The customer has switched off what the action needs (remote service, or file transfer). */
    SWITCH_OFF
}
