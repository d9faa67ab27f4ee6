package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbInput;
import java.io.IOException;

/** Cursor pseudo-encoding: pixels in the connection's format plus a 1-bit transparency mask. */
final class CursorDecoder {
    private CursorDecoder() {}

    static CursorShape decode(DecodeContext ctx, RfbInput in, int hotX, int hotY, int w, int h) throws IOException {
        int max = ctx.limits.maxCursorSize();
        if (w > max || h > max) {
            throw RfbException.limit("Cursor: size " + w + "x" + h + " exceeds the limit of " + max + "x" + max);
        }
        if (w == 0 || h == 0) {
            return CursorShape.EMPTY;
        }
        if (hotX >= w || hotY >= h) {
            throw RfbException.protocol("Cursor: hot spot " + hotX + "," + hotY + " outside " + w + "x" + h);
        }
        PixelConverter pc = ctx.pixels;
        int bpp = pc.bytesPerPixel();
        int maskRow = (w + 7) / 8;
        int total = w * h * bpp + maskRow * h;
        in.require(total);
        byte[] b = new byte[total];
        in.readFully(b, 0, total);
        int[] argb = new int[w * h];
        pc.decode(b, 0, argb, 0, w * h);
        int mo = w * h * bpp;
        for (int r = 0; r < h; r++) {
            for (int i = 0; i < w; i++) {
                boolean visible = ((b[mo + r * maskRow + (i >> 3)] >> (7 - (i & 7))) & 1) != 0;
                if (!visible) {
                    argb[r * w + i] = 0;
                }
            }
        }
        return new CursorShape(w, h, hotX, hotY, argb);
    }
}
