package dev.fieldlink.relay.screen;

/** Creates the taps of a screen channel when it opens. Implementations are thread-safe. */
@FunctionalInterface
public interface ScreenTapFactory {
    /** A tap for this channel, or null to not tap it. */
    ScreenTap open(ScreenContext context);
}
