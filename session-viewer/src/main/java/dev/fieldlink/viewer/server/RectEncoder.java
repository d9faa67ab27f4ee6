package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.PixelConverter;

/** Encodes one rectangle of ARGB pixels, header included. Not thread-safe: one per session. */
interface RectEncoder {
    /**
     * Writes the rectangle (possibly as several rectangles) and returns how many rectangle headers it wrote.
     *
     * @param px ARGB pixels of the rectangle, row stride {@code w}
     */
    int encode(WireBuffer out, PixelConverter pc, int[] px, int x, int y, int w, int h);
}
