package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbInput;
import java.io.IOException;

/** Hextile encoding: 16x16 tiles, raw or background/foreground with subrectangles. */
final class HextileDecoder {
    static final int RAW = 1;
    static final int BACKGROUND = 2;
    static final int FOREGROUND = 4;
    static final int ANY_SUBRECTS = 8;
    static final int SUBRECTS_COLOURED = 16;

    private HextileDecoder() {}

    static void decode(DecodeContext ctx, RfbInput in, int x, int y, int w, int h) throws IOException {
        int bpp = ctx.pixels.bytesPerPixel();
        // Room for a raw tile (16x16 pixels of up to 4 bytes) or 255 coloured subrectangles (pixel + 2 bytes).
        byte[] b = ctx.bytes(255 * (4 + 2));
        int[] px = ctx.fb.pixels();
        int stride = ctx.fb.width();
        int bg = 0xFF000000;
        int fg = 0xFF000000;
        for (int ty = y; ty < y + h; ty += 16) {
            int th = Math.min(16, y + h - ty);
            for (int tx = x; tx < x + w; tx += 16) {
                int tw = Math.min(16, x + w - tx);
                int sub = in.readU8();
                if ((sub & ~31) != 0) {
                    throw RfbException.protocol("Hextile: tile subencoding " + sub + " has unknown bits");
                }
                if ((sub & RAW) != 0) {
                    in.readFully(b, 0, tw * th * bpp);
                    for (int r = 0; r < th; r++) {
                        ctx.pixels.decode(b, r * tw * bpp, px, (ty + r) * stride + tx, tw);
                    }
                    continue;
                }
                if ((sub & BACKGROUND) != 0) {
                    in.readFully(b, 0, bpp);
                    bg = ctx.pixels.toArgb(ctx.pixels.readPixel(b, 0));
                }
                ctx.fb.fill(tx, ty, tw, th, bg);
                if ((sub & FOREGROUND) != 0) {
                    in.readFully(b, 0, bpp);
                    fg = ctx.pixels.toArgb(ctx.pixels.readPixel(b, 0));
                }
                if ((sub & ANY_SUBRECTS) == 0) {
                    continue;
                }
                int n = in.readU8();
                boolean coloured = (sub & SUBRECTS_COLOURED) != 0;
                int each = coloured ? bpp + 2 : 2;
                in.readFully(b, 0, n * each);
                for (int i = 0, o = 0; i < n; i++) {
                    int colour = fg;
                    if (coloured) {
                        colour = ctx.pixels.toArgb(ctx.pixels.readPixel(b, o));
                        o += bpp;
                    }
                    int xy = b[o] & 0xFF;
                    int wh = b[o + 1] & 0xFF;
                    o += 2;
                    int sx = xy >> 4;
                    int sy = xy & 15;
                    int sw = (wh >> 4) + 1;
                    int sh = (wh & 15) + 1;
                    if (sx + sw > tw || sy + sh > th) {
                        throw RfbException.protocol("Hextile: subrectangle " + sw + "x" + sh + "+" + sx + "+" + sy
                                + " outside the " + tw + "x" + th + " tile");
                    }
                    ctx.fb.fill(tx + sx, ty + sy, sw, sh, colour);
                }
            }
        }
    }
}
