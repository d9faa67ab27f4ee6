package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.PixelFormat;
import java.util.zip.Deflater;

/**
 * Tight encoding without JPEG: fill for solid areas, the palette filter (mono or indexed) for up to 256 colours,
 * otherwise full colour with the copy filter, or the gradient filter when enabled. Rectangles are split to at most
 * 2048 pixels wide and 65536 pixels in area. Four persistent zlib streams (0 full colour, 1 mono, 2 indexed, 3
 * gradient), sync-flushed per rectangle.
 */
final class TightEncoder implements RectEncoder {
    static final int MAX_WIDTH = 2048;
    static final int MAX_AREA = 65536;

    private final Deflater[] streams = new Deflater[4];
    private final boolean gradient;
    private final Palette palette = new Palette(256);
    private byte[] data = new byte[MAX_AREA * 4];
    private byte[] zbuf = new byte[64 * 1024];
    private int[] sub = new int[MAX_AREA];

    TightEncoder(int level, boolean gradient) {
        for (int i = 0; i < 4; i++) {
            streams[i] = new Deflater(level);
        }
        this.gradient = gradient;
    }

    void end() {
        for (Deflater d : streams) {
            d.end();
        }
    }

    @Override
    public int encode(WireBuffer out, PixelConverter pc, int[] px, int x, int y, int w, int h) {
        int count = 0;
        int sw = Math.min(w, MAX_WIDTH);
        int sh = Math.max(1, Math.min(h, MAX_AREA / sw));
        for (int ry = 0; ry < h; ry += sh) {
            int rh = Math.min(sh, h - ry);
            for (int rx = 0; rx < w; rx += sw) {
                int rw = Math.min(sw, w - rx);
                for (int r = 0; r < rh; r++) {
                    System.arraycopy(px, (ry + r) * w + rx, sub, r * rw, rw);
                }
                subRect(out, pc, x + rx, y + ry, rw, rh);
                count++;
            }
        }
        return count;
    }

    private void subRect(WireBuffer out, PixelConverter pc, int x, int y, int w, int h) {
        out.rectHeader(x, y, w, h, Encodings.TIGHT);
        int tps = pc.tightPixelBytes();
        boolean fits = palette.build(sub, 0, w, h, w);
        if (fits && palette.size() == 1) {
            out.u8(0x80);
            tpixel(out, pc, palette.colour(0));
            return;
        }
        if (fits) {
            int p = palette.size();
            int stream = p == 2 ? 1 : 2;
            out.u8((stream | 4) << 4);
            out.u8(1);
            out.u8(p - 1);
            for (int i = 0; i < p; i++) {
                tpixel(out, pc, palette.colour(i));
            }
            int n;
            if (p == 2) {
                int rowBytes = (w + 7) / 8;
                n = rowBytes * h;
                java.util.Arrays.fill(data, 0, n, (byte) 0);
                for (int r = 0; r < h; r++) {
                    for (int i = 0; i < w; i++) {
                        if (palette.indexOf(sub[r * w + i]) == 1) {
                            data[r * rowBytes + (i >> 3)] |= (byte) (0x80 >> (i & 7));
                        }
                    }
                }
            } else {
                n = w * h;
                for (int i = 0; i < n; i++) {
                    data[i] = (byte) palette.indexOf(sub[i]);
                }
            }
            compressed(out, stream, n);
            return;
        }
        int n = w * h * tps;
        if (gradient) {
            out.u8((3 | 4) << 4);
            out.u8(2);
            gradientFilter(pc, w, h);
            compressed(out, 3, n);
            return;
        }
        out.u8(0);
        for (int i = 0, at = 0; i < w * h; i++) {
            at += pc.writeTightPixel(sub[i], data, at);
        }
        compressed(out, 0, n);
    }

    private void gradientFilter(PixelConverter pc, int w, int h) {
        PixelFormat pf = pc.format();
        boolean rgb = pc.isTight888();
        int tps = pc.tightPixelBytes();
        int[] max = rgb ? new int[] {255, 255, 255} : new int[] {pf.redMax(), pf.greenMax(), pf.blueMax()};
        int[] shift = {pf.redShift(), pf.greenShift(), pf.blueShift()};
        int[] prev = new int[(w + 1) * 3];
        int[] cur = new int[(w + 1) * 3];
        for (int r = 0; r < h; r++) {
            java.util.Arrays.fill(cur, 0, 3, 0);
            for (int i = 0; i < w; i++) {
                int argb = sub[r * w + i];
                int p = rgb ? 0 : pc.fromArgb(argb);
                int outPixel = 0;
                for (int c = 0; c < 3; c++) {
                    int v = rgb ? (argb >>> (16 - 8 * c)) & 0xFF : (p >>> shift[c]) & max[c];
                    int est = prev[(i + 1) * 3 + c] + cur[i * 3 + c] - prev[i * 3 + c];
                    est = Math.max(0, Math.min(max[c], est));
                    int diff = (v - est) & max[c];
                    cur[(i + 1) * 3 + c] = v;
                    if (rgb) {
                        data[(r * w + i) * 3 + c] = (byte) diff;
                    } else {
                        outPixel |= diff << shift[c];
                    }
                }
                if (!rgb) {
                    pc.writePixel(outPixel, data, (r * w + i) * tps);
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
    }

    private void compressed(WireBuffer out, int stream, int n) {
        if (n < 12) {
            out.bytes(data, 0, n);
            return;
        }
        Deflater d = streams[stream];
        d.setInput(data, 0, n);
        int lenAt = out.reserve(3);
        int start = out.length();
        int k;
        do {
            k = d.deflate(zbuf, 0, zbuf.length, Deflater.SYNC_FLUSH);
            out.bytes(zbuf, 0, k);
        } while (k == zbuf.length);
        int len = out.length() - start;
        // Compact length: 1 to 3 bytes; shift the data if fewer than 3 are needed.
        byte[] b = out.array();
        int used = len < 128 ? 1 : len < 16384 ? 2 : 3;
        b[lenAt] = (byte) ((len & 0x7F) | (used > 1 ? 0x80 : 0));
        if (used > 1) {
            b[lenAt + 1] = (byte) (((len >> 7) & 0x7F) | (used > 2 ? 0x80 : 0));
        }
        if (used > 2) {
            b[lenAt + 2] = (byte) (len >> 14);
        }
        if (used < 3) {
            System.arraycopy(b, start, b, lenAt + used, len);
            out.truncate(lenAt + used + len);
        }
    }

    private static void tpixel(WireBuffer out, PixelConverter pc, int argb) {
        int at = out.reserve(pc.tightPixelBytes());
        pc.writeTightPixel(argb, out.array(), at);
    }
}
