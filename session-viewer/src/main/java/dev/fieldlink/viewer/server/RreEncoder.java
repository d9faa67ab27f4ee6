package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;

/** RRE encoding: the most common colour as background, other pixels as runs merged down rows. */
final class RreEncoder implements RectEncoder {
    @Override
    public int encode(WireBuffer out, PixelConverter pc, int[] px, int x, int y, int w, int h) {
        int bpp = pc.bytesPerPixel();
        int bg = Palette.dominant(px, w * h);
        out.rectHeader(x, y, w, h, Encodings.RRE);
        int countAt = out.reserve(4);
        int at = out.reserve(bpp);
        pc.writePixel(pc.fromArgb(bg), out.array(), at);
        int count = 0;
        for (int r = 0; r < h; r++) {
            int i = 0;
            while (i < w) {
                int c = px[r * w + i];
                int j = i + 1;
                while (j < w && px[r * w + j] == c) {
                    j++;
                }
                if (c != bg) {
                    at = out.reserve(bpp + 8);
                    byte[] b = out.array();
                    pc.writePixel(pc.fromArgb(c), b, at);
                    put16(b, at + bpp, i);
                    put16(b, at + bpp + 2, r);
                    put16(b, at + bpp + 4, j - i);
                    put16(b, at + bpp + 6, 1);
                    count++;
                }
                i = j;
            }
        }
        byte[] b = out.array();
        b[countAt] = (byte) (count >>> 24);
        b[countAt + 1] = (byte) (count >>> 16);
        b[countAt + 2] = (byte) (count >>> 8);
        b[countAt + 3] = (byte) count;
        return 1;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }
}
