package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.BigEndian;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbInput;
import java.io.IOException;

/** RRE encoding: background pixel plus solid subrectangles. */
final class RreDecoder {
    private RreDecoder() {}

    static void decode(DecodeContext ctx, RfbInput in, int x, int y, int w, int h) throws IOException {
        int bpp = ctx.pixels.bytesPerPixel();
        long count = in.readS32() & 0xFFFFFFFFL;
        if (count > (long) w * h) {
            throw RfbException.protocol("RRE: " + count + " subrectangles in a " + w + "x" + h + " rectangle");
        }
        in.require(bpp + count * (bpp + 8));
        byte[] b = ctx.bytes(bpp + 8);
        in.readFully(b, 0, bpp);
        ctx.fb.fill(x, y, w, h, ctx.pixels.toArgb(ctx.pixels.readPixel(b, 0)));
        for (long i = 0; i < count; i++) {
            in.readFully(b, 0, bpp + 8);
            int argb = ctx.pixels.toArgb(ctx.pixels.readPixel(b, 0));
            int sx = BigEndian.u16(b, bpp);
            int sy = BigEndian.u16(b, bpp + 2);
            int sw = BigEndian.u16(b, bpp + 4);
            int sh = BigEndian.u16(b, bpp + 6);
            if (sx + sw > w || sy + sh > h) {
                throw RfbException.protocol(
                        "RRE: subrectangle " + sw + "x" + sh + "+" + sx + "+" + sy + " outside " + w + "x" + h);
            }
            ctx.fb.fill(x + sx, y + sy, sw, sh, argb);
        }
    }
}
