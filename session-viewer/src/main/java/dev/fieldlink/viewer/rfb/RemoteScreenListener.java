package dev.fieldlink.viewer.rfb;

/**
 * Changes of a {@link RemoteScreen}, reported on its decoding thread (never the EDT). Implementations must return
 * quickly and hand work to their own thread. All methods default to doing nothing.
 */
public interface RemoteScreenListener {
    /** Pixels in this rectangle changed. */
    default void damaged(int x, int y, int w, int h) {}

    /** A complete framebuffer update was applied: a good moment to repaint. */
    default void updateCompleted() {}

    /** The framebuffer was resized (its pixel array replaced). */
    default void resized(int width, int height) {}

    default void cursorChanged(CursorShape cursor) {}
}
