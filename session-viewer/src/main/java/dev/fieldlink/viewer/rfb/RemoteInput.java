package dev.fieldlink.viewer.rfb;

/**
 * Input towards a remote screen. Implementations are thread-safe and never block long (they queue or write a few
 * bytes); failures to send end the connection rather than throw.
 */
public interface RemoteInput {
    /** Pointer position in framebuffer pixels with RFB button mask (bit 0 left, 1 middle, 2 right, 3-6 wheel). */
    void pointer(int buttonMask, int x, int y);

    /** An X11 keysym pressed or released. */
    void key(boolean down, int keysym);

    /** Clipboard text to the server (characters outside ISO 8859-1 become '?'). */
    void cutText(String text);
}
