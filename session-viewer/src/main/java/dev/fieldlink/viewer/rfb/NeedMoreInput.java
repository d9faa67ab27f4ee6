package dev.fieldlink.viewer.rfb;

import java.io.IOException;

/**
 * Thrown by {@link ChunkInput} when a unit is not complete yet. Not an error: the owner resets to the unit start and
 * retries after the next chunk. Carries no stack trace.
 */
public final class NeedMoreInput extends IOException {
    private static final long serialVersionUID = 1L;

    private final long required;

    NeedMoreInput(long required) {
        super("need " + required + " bytes");
        this.required = required;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** Absolute stream position that must be buffered before a retry can get further. */
    public long required() {
        return required;
    }
}
