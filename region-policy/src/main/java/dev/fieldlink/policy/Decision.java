package dev.fieldlink.policy;

import java.util.Objects;

/**
 * The answer of {@link EntitlementPolicy#decide}: allowed, or denied with a stable {@link DenyReason} and a sentence
 * for an administrator. The detail names regions, product lines and dates, never secrets; it is not meant for the
 * technician, who sees a denied machine as absent.
 *
 * @param reason null exactly when allowed
 */
public record Decision(boolean allowed, DenyReason reason, String detail) {
    private static final Decision ALLOW = new Decision(true, null, "allowed");

    public Decision {
        Objects.requireNonNull(detail, "detail");
        if (allowed != (reason == null)) {
            throw new IllegalArgumentException("a decision carries a reason exactly when it denies");
        }
    }

    public static Decision allow() {
        return ALLOW;
    }

    /** An allowing decision that says why (for {@link EntitlementPolicy#explain}). */
    public static Decision allow(String detail) {
        return new Decision(true, null, detail);
    }

    public static Decision deny(DenyReason reason, String detail) {
        return new Decision(false, Objects.requireNonNull(reason, "reason"), detail);
    }

    public boolean denied() {
        return !allowed;
    }
}
