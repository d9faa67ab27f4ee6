package dev.fieldlink.relay.config;

import java.util.Objects;

/** A secret setting (a password or key). Its value never appears in {@link #toString()}, so never in a log. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself; hand it only to what needs it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***";
    }
}
