package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;

/**
 * Hextile encoding: per 16x16 tile a solid background, background plus foreground runs, coloured runs, or raw
 * pixels, whichever is smallest.
 */
final class HextileEncoder implements RectEncoder {
    private final Palette palette = new Palette(2);
    private final int[] runs = new int[16 * 16 * 4];

    @Override
    public int encode(WireBuffer out, PixelConverter pc, int[] px, int x, int y, int w, int h) {
        out.rectHeader(x, y, w, h, Encodings.HEXTILE);
        int bpp = pc.bytesPerPixel();
        boolean bgValid = false;
        boolean fgValid = false;
        int bg = 0;
        int fg = 0;
        for (int ty = 0; ty < h; ty += 16) {
            int th = Math.min(16, h - ty);
            for (int tx = 0; tx < w; tx += 16) {
                int tw = Math.min(16, w - tx);
                int off = ty * w + tx;
                int tileBg = dominant(px, off, tw, th, w);
                boolean two = palette.build(px, off, tw, th, w);
                int nRuns = runs(px, off, tw, th, w, tileBg);
                boolean solid = nRuns == 0;
                int rawSize = tw * th * bpp;
                int subAt = out.reserve(1);
                int sub = 0;
                if (!bgValid || tileBg != bg) {
                    sub |= 2;
                }
                if (solid) {
                    if ((sub & 2) != 0) {
                        writePixel(out, pc, tileBg);
                    }
                    bg = tileBg;
                    bgValid = true;
                    out.array()[subAt] = (byte) sub;
                    continue;
                }
                int tileFg = two && palette.size() == 2
                        ? (palette.colour(0) == tileBg ? palette.colour(1) : palette.colour(0))
                        : 0;
                boolean mono = two && palette.size() == 2;
                int size = ((sub & 2) != 0 ? bpp : 0)
                        + 1
                        + (mono ? ((!fgValid || tileFg != fg) ? bpp : 0) + nRuns * 2 : nRuns * (bpp + 2));
                if (nRuns > 255 || size >= rawSize) {
                    out.array()[subAt] = 1;
                    int at = out.reserve(rawSize);
                    for (int r = 0; r < th; r++) {
                        pc.encode(px, off + r * w, out.array(), at + r * tw * bpp, tw);
                    }
                    bgValid = false;
                    fgValid = false;
                    continue;
                }
                if ((sub & 2) != 0) {
                    writePixel(out, pc, tileBg);
                }
                bg = tileBg;
                bgValid = true;
                sub |= 8;
                if (mono) {
                    if (!fgValid || tileFg != fg) {
                        sub |= 4;
                        writePixel(out, pc, tileFg);
                        fg = tileFg;
                        fgValid = true;
                    }
                } else {
                    sub |= 16;
                }
                out.u8(nRuns);
                for (int i = 0; i < nRuns; i++) {
                    int rx = runs[i * 4];
                    int ry = runs[i * 4 + 1];
                    int rw = runs[i * 4 + 2];
                    if (!mono) {
                        writePixel(out, pc, runs[i * 4 + 3]);
                    }
                    out.u8((rx << 4) | ry);
                    out.u8(((rw - 1) << 4));
                }
                out.array()[subAt] = (byte) sub;
            }
        }
        return 1;
    }

    private static void writePixel(WireBuffer out, PixelConverter pc, int argb) {
        int at = out.reserve(pc.bytesPerPixel());
        pc.writePixel(pc.fromArgb(argb), out.array(), at);
    }

    /** Horizontal runs of non-background pixels; returns their count (stops counting past 256). */
    private int runs(int[] px, int off, int tw, int th, int stride, int bg) {
        int n = 0;
        for (int r = 0; r < th; r++) {
            int i = 0;
            while (i < tw) {
                int c = px[off + r * stride + i];
                int j = i + 1;
                while (j < tw && px[off + r * stride + j] == c) {
                    j++;
                }
                if (c != bg) {
                    if (n == 256) {
                        return 256;
                    }
                    runs[n * 4] = i;
                    runs[n * 4 + 1] = r;
                    runs[n * 4 + 2] = j - i;
                    runs[n * 4 + 3] = c;
                    n++;
                }
                i = j;
            }
        }
        return n;
    }

    private static int dominant(int[] px, int off, int tw, int th, int stride) {
        int a = px[off];
        int ca = 0;
        int b = a;
        int cb = 0;
        for (int r = 0; r < th; r++) {
            for (int i = 0; i < tw; i++) {
                int c = px[off + r * stride + i];
                if (c == a) {
                    ca++;
                } else if (cb == 0 || c == b) {
                    b = c;
                    cb++;
                }
            }
        }
        return cb > ca ? b : a;
    }
}
