package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;
import java.util.zip.Deflater;

/**
 * ZRLE encoding: 64x64 tiles as solid, packed palette, palette RLE, plain RLE or raw (smallest wins), through one
 * persistent zlib stream per session, sync-flushed after each rectangle.
 */
final class ZrleEncoder implements RectEncoder {
    private final Deflater deflater;
    private final Palette palette = new Palette(127);
    private final WireBuffer tiles = new WireBuffer();
    private byte[] zbuf = new byte[64 * 1024];

    ZrleEncoder(int level) {
        deflater = new Deflater(level);
    }

    void end() {
        deflater.end();
    }

    @Override
    public int encode(WireBuffer out, PixelConverter pc, int[] px, int x, int y, int w, int h) {
        tiles.clear();
        int cps = pc.zrleCPixelBytes();
        for (int ty = 0; ty < h; ty += 64) {
            int th = Math.min(64, h - ty);
            for (int tx = 0; tx < w; tx += 64) {
                int tw = Math.min(64, w - tx);
                tile(pc, px, ty * w + tx, tw, th, w, cps);
            }
        }
        out.rectHeader(x, y, w, h, Encodings.ZRLE);
        int lenAt = out.reserve(4);
        int start = out.length();
        deflater.setInput(tiles.array(), 0, tiles.length());
        int n;
        do {
            n = deflater.deflate(zbuf, 0, zbuf.length, Deflater.SYNC_FLUSH);
            out.bytes(zbuf, 0, n);
        } while (n == zbuf.length);
        int len = out.length() - start;
        byte[] b = out.array();
        b[lenAt] = (byte) (len >>> 24);
        b[lenAt + 1] = (byte) (len >>> 16);
        b[lenAt + 2] = (byte) (len >>> 8);
        b[lenAt + 3] = (byte) len;
        return 1;
    }

    private void tile(PixelConverter pc, int[] px, int off, int tw, int th, int stride, int cps) {
        boolean fits = palette.build(px, off, tw, th, stride);
        int n = tw * th;
        if (fits && palette.size() == 1) {
            tiles.u8(1);
            cpixel(pc, palette.colour(0), cps);
            return;
        }
        // Runs in row-major tile order.
        int runs = 0;
        int runBytes = 0;
        int prev = px[off];
        int len = 0;
        for (int r = 0; r < th; r++) {
            for (int i = 0; i < tw; i++) {
                int c = px[off + r * stride + i];
                if (c == prev) {
                    len++;
                } else {
                    runs++;
                    runBytes += (len - 1) / 255 + 1;
                    prev = c;
                    len = 1;
                }
            }
        }
        runs++;
        runBytes += (len - 1) / 255 + 1;
        int raw = n * cps;
        int plainRle = runs * cps + runBytes;
        int best = Math.min(raw, plainRle);
        int mode = best == raw ? 0 : 128;
        int p = fits ? palette.size() : Integer.MAX_VALUE;
        if (fits) {
            int bits = p <= 2 ? 1 : p <= 4 ? 2 : 4;
            int packed = p <= 16 ? p * cps + ((tw * bits + 7) / 8) * th : Integer.MAX_VALUE;
            int paletteRle = p * cps + runs + runBytes; // upper bound: every run gets a length
            if (packed <= best && packed <= paletteRle) {
                mode = p;
                best = packed;
            } else if (paletteRle < best) {
                mode = 128 + p;
                best = paletteRle;
            }
        }
        tiles.u8(mode);
        if (mode == 0) {
            int at = tiles.reserve(n * cps);
            for (int r = 0; r < th; r++) {
                for (int i = 0; i < tw; i++) {
                    at += pc.writeZrleCPixel(px[off + r * stride + i], tiles.array(), at);
                }
            }
        } else if (mode == 128 || mode > 128) {
            boolean pal = mode > 128;
            if (pal) {
                for (int i = 0; i < p; i++) {
                    cpixel(pc, palette.colour(i), cps);
                }
            }
            int runColour = px[off];
            int runLen = 0;
            for (int r = 0; r < th; r++) {
                for (int i = 0; i < tw; i++) {
                    int c = px[off + r * stride + i];
                    if (c == runColour) {
                        runLen++;
                    } else {
                        run(pc, pal, runColour, runLen, cps);
                        runColour = c;
                        runLen = 1;
                    }
                }
            }
            run(pc, pal, runColour, runLen, cps);
        } else {
            for (int i = 0; i < p; i++) {
                cpixel(pc, palette.colour(i), cps);
            }
            int bits = p <= 2 ? 1 : p <= 4 ? 2 : 4;
            for (int r = 0; r < th; r++) {
                int acc = 0;
                int nb = 0;
                for (int i = 0; i < tw; i++) {
                    acc = (acc << bits) | palette.indexOf(px[off + r * stride + i]);
                    nb += bits;
                    if (nb == 8) {
                        tiles.u8(acc);
                        acc = 0;
                        nb = 0;
                    }
                }
                if (nb > 0) {
                    tiles.u8(acc << (8 - nb));
                }
            }
        }
    }

    private void run(PixelConverter pc, boolean pal, int colour, int len, int cps) {
        if (pal) {
            int idx = palette.indexOf(colour);
            if (len == 1) {
                tiles.u8(idx);
                return;
            }
            tiles.u8(idx | 128);
        } else {
            cpixel(pc, colour, cps);
        }
        int rest = len - 1;
        while (rest >= 255) {
            tiles.u8(255);
            rest -= 255;
        }
        tiles.u8(rest);
    }

    private void cpixel(PixelConverter pc, int argb, int cps) {
        int at = tiles.reserve(cps);
        pc.writeZrleCPixel(argb, tiles.array(), at);
    }
}
