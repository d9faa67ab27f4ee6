package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.CursorShape;

/**
 * What {@link ServerStreamDecoder} reports, on the decoding thread, after each complete unit. All methods default to
 * doing nothing. Implementations must be quick and must not call back into the decoder.
 */
public interface ServerEventSink {
    /** A FramebufferUpdate with {@code rectangles} rectangles (65535 may mean "until LastRect") begins. */
    default void updateBegin(int rectangles) {}

    /** Pixels of this rectangle changed (after decoding, including CopyRect destinations). */
    default void damaged(int x, int y, int w, int h) {}

    /** The FramebufferUpdate is complete. */
    default void updateEnd() {}

    /** The framebuffer now has this size (content black unless the size stayed the same). */
    default void desktopResized(int width, int height) {}

    default void cursorChanged(CursorShape cursor) {}

    default void desktopName(String name) {}

    default void bell() {}

    /** Clipboard text from the server (ISO 8859-1 as RFB specifies). */
    default void serverCutText(String text) {}

    default void serverFence(int flags, byte[] payload) {}

    default void endOfContinuousUpdates() {}

    /** Between two server messages: a safe point for keyframes. */
    default void messageBoundary() {}
}
