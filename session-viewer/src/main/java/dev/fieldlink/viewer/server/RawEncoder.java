package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;

/** Raw encoding. */
final class RawEncoder implements RectEncoder {
    @Override
    public int encode(WireBuffer out, PixelConverter pc, int[] px, int x, int y, int w, int h) {
        out.rectHeader(x, y, w, h, Encodings.RAW);
        int at = out.reserve(w * h * pc.bytesPerPixel());
        pc.encode(px, 0, out.array(), at, w * h);
        return 1;
    }
}
