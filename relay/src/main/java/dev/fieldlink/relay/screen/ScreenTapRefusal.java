package dev.fieldlink.relay.screen;

import java.io.Serial;

/**
 * Thrown by a {@link ScreenTap} that must not let a chunk pass (the input audit, when it cannot parse what the
 * technician sends): the splice closes the channel at once with {@link #getMessage()} as the cause, and neither the
 * refused chunk nor anything after it reaches the other side.
 */
public final class ScreenTapRefusal extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param cause why the channel closes (the channel's close cause; no secrets, it is logged and audited) */
    public ScreenTapRefusal(String cause) {
        super(cause, null, false, false);
    }
}
