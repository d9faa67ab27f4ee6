package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.RfbInput;
import java.io.IOException;

/** Raw encoding: width x height pixels, row by row. */
final class RawDecoder {
    private RawDecoder() {}

    static void decode(DecodeContext ctx, RfbInput in, int x, int y, int w, int h) throws IOException {
        int bpp = ctx.pixels.bytesPerPixel();
        long total = (long) w * h * bpp;
        in.require(total);
        int rowBytes = w * bpp;
        int rowsPerChunk = Math.max(1, Math.min(h, (256 * 1024) / Math.max(1, rowBytes)));
        byte[] buf = ctx.bytes(rowBytes * rowsPerChunk);
        int[] px = ctx.fb.pixels();
        int stride = ctx.fb.width();
        for (int row = 0; row < h; row += rowsPerChunk) {
            int n = Math.min(rowsPerChunk, h - row);
            in.readFully(buf, 0, rowBytes * n);
            for (int r = 0; r < n; r++) {
                ctx.pixels.decode(buf, r * rowBytes, px, (y + row + r) * stride + x, w);
            }
        }
    }
}
