package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbInput;
import java.io.IOException;

/**
 * ZRLE encoding (RFC 6143 section 7.7.6): one zlib stream for the connection, 64x64 tiles of raw, solid, packed
 * palette, plain RLE or palette RLE data. The compressed bytes of a rectangle are read in full before inflating, so a
 * push-style retry never disturbs the zlib state.
 */
final class ZrleDecoder {
    private final ZlibStream zlib;
    private final int[] palette = new int[128];
    private byte[] cbuf = new byte[64 * 64 * 4];

    ZrleDecoder(boolean keepHistory) {
        zlib = new ZlibStream("ZRLE", keepHistory);
    }

    ZlibStream zlib() {
        return zlib;
    }

    void decode(DecodeContext ctx, RfbInput in, int x, int y, int w, int h) throws IOException {
        int len = in.readS32();
        if (len < 0 || len > ctx.limits.maxCompressedBytes()) {
            throw RfbException.limit("ZRLE: compressed length " + (len & 0xFFFFFFFFL) + " exceeds the limit of "
                    + ctx.limits.maxCompressedBytes());
        }
        in.require(len);
        byte[] data = ctx.bytes(len);
        in.readFully(data, 0, len);
        if (w == 0 || h == 0) {
            if (len > 0) {
                zlib.setInput(data, 0, len);
                zlib.finish();
            }
            return;
        }
        zlib.setInput(data, 0, len);
        PixelConverter pc = ctx.pixels;
        int cps = pc.zrleCPixelBytes();
        int[] px = ctx.fb.pixels();
        int stride = ctx.fb.width();
        for (int ty = y; ty < y + h; ty += 64) {
            int th = Math.min(64, y + h - ty);
            for (int tx = x; tx < x + w; tx += 64) {
                int tw = Math.min(64, x + w - tx);
                int n = tw * th;
                int mode = zlib.readU8();
                if (mode == 0) {
                    byte[] c = cbuf(n * cps);
                    zlib.readFully(c, 0, n * cps);
                    for (int r = 0; r < th; r++) {
                        pc.decodeZrleCPixels(c, r * tw * cps, px, (ty + r) * stride + tx, tw);
                    }
                } else if (mode == 1) {
                    byte[] c = cbuf(cps);
                    zlib.readFully(c, 0, cps);
                    ctx.fb.fill(tx, ty, tw, th, pc.readZrleCPixel(c, 0));
                } else if (mode <= 16) {
                    readPalette(pc, mode, cps);
                    int bits = mode == 2 ? 1 : mode <= 4 ? 2 : 4;
                    int rowBytes = (tw * bits + 7) / 8;
                    byte[] c = cbuf(rowBytes * th);
                    zlib.readFully(c, 0, rowBytes * th);
                    int mask = (1 << bits) - 1;
                    for (int r = 0; r < th; r++) {
                        int o = (ty + r) * stride + tx;
                        int bo = r * rowBytes;
                        for (int i = 0; i < tw; i++) {
                            int bit = i * bits;
                            int idx = ((c[bo + (bit >> 3)] & 0xFF) >> (8 - bits - (bit & 7))) & mask;
                            if (idx >= mode) {
                                throw RfbException.protocol(
                                        "ZRLE: packed palette index " + idx + " >= palette size " + mode);
                            }
                            px[o + i] = palette[idx];
                        }
                    }
                } else if (mode == 128) {
                    byte[] c = cbuf(cps);
                    int i = 0;
                    while (i < n) {
                        zlib.readFully(c, 0, cps);
                        int colour = pc.readZrleCPixel(c, 0);
                        int run = runLength(n - i);
                        fillRun(px, stride, tx, ty, tw, i, run, colour);
                        i += run;
                    }
                } else if (mode >= 130) {
                    int size = mode - 128;
                    readPalette(pc, size, cps);
                    int i = 0;
                    while (i < n) {
                        int idx = zlib.readU8();
                        int run = 1;
                        if ((idx & 128) != 0) {
                            idx &= 127;
                            run = runLength(n - i);
                        }
                        if (idx >= size) {
                            throw RfbException.protocol("ZRLE: palette RLE index " + idx + " >= palette size " + size);
                        }
                        fillRun(px, stride, tx, ty, tw, i, run, palette[idx]);
                        i += run;
                    }
                } else {
                    throw RfbException.protocol("ZRLE: tile subencoding " + mode + " is undefined");
                }
            }
        }
        zlib.finish();
    }

    private byte[] cbuf(int n) {
        if (cbuf.length < n) {
            cbuf = new byte[n];
        }
        return cbuf;
    }

    private void readPalette(PixelConverter pc, int size, int cps) throws RfbException {
        byte[] c = cbuf(size * cps);
        zlib.readFully(c, 0, size * cps);
        for (int i = 0; i < size; i++) {
            palette[i] = pc.readZrleCPixel(c, i * cps);
        }
    }

    private int runLength(int left) throws RfbException {
        int run = 1;
        int b;
        do {
            b = zlib.readU8();
            run += b;
            if (run > left) {
                throw RfbException.protocol(
                        "ZRLE: run of " + run + " pixels exceeds the " + left + " left in the tile");
            }
        } while (b == 255);
        return run;
    }

    private static void fillRun(int[] px, int stride, int tx, int ty, int tw, int i, int run, int colour) {
        while (run > 0) {
            int r = i / tw;
            int c = i % tw;
            int n = Math.min(run, tw - c);
            int o = (ty + r) * stride + tx + c;
            java.util.Arrays.fill(px, o, o + n, colour);
            i += n;
            run -= n;
        }
    }
}
