package dev.fieldlink.viewer.rfb;

/**
 * A pointer shape from the Cursor pseudo-encoding: ARGB pixels with alpha 0 (transparent) or 0xFF, and the hot
 * spot. Immutable by convention (do not modify {@link #argb()}).
 */
public record CursorShape(int width, int height, int hotX, int hotY, int[] argb) {
    /** The shape servers send to hide the cursor. */
    public static final CursorShape EMPTY = new CursorShape(0, 0, 0, 0, new int[0]);

    public CursorShape {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("cursor pixels " + argb.length + " != " + width + "x" + height);
        }
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }
}
