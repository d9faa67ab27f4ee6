package dev.fieldlink.viewer.server;

/**
 * Changes of a {@link ScreenSource}. Called on the source's own thread; implementations only record and signal, they
 * never block.
 */
public interface ScreenListener {
    /** Pixels in this rectangle changed. */
    void damaged(int x, int y, int w, int h);

    /** A rectangle's content moved (scrolling): the destination now holds what the source held. */
    default void moved(int srcX, int srcY, int w, int h, int dstX, int dstY) {
        damaged(dstX, dstY, w, h);
    }

    /** The screen has a new size; all of it counts as damaged. */
    default void resized(int width, int height) {}

    /** The pointer shape changed ({@link ScreenSource#cursor()}). */
    default void cursorChanged() {}
}
