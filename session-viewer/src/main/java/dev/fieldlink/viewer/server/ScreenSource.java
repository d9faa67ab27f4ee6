package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.CursorShape;

/**
 * What an {@link RfbServer} serves: a screen with damage notifications and an input sink. Implementations are
 * thread-safe: several sessions read pixels concurrently with the source repainting.
 */
public interface ScreenSource {
    int width();

    int height();

    /**
     * Copies ARGB pixels of a rectangle into {@code dst} (row stride {@code dstStride}). Parts outside the current
     * size (after a resize raced with the caller) are filled black.
     */
    void readPixels(int x, int y, int w, int h, int[] dst, int dstOffset, int dstStride);

    void addListener(ScreenListener listener);

    void removeListener(ScreenListener listener);

    /** The pointer shape to send to clients that draw it themselves, or null to send none. */
    default CursorShape cursor() {
        return null;
    }

    /** Pointer input from a client, in screen pixels; button mask as in RFB. */
    default void pointer(int buttonMask, int x, int y) {}

    /** Key input from a client as an X11 keysym. */
    default void key(boolean down, int keysym) {}

    /** Clipboard text from a client. */
    default void cutText(String text) {}
}
