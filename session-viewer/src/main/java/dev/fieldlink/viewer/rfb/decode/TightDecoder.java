package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbInput;
import java.io.IOException;

/**
 * Tight encoding: fill, JPEG, and basic compression with the copy, palette and gradient filters over four
 * persistent zlib streams. Every byte of a rectangle is read before any zlib stream is reset or fed, so a push-style
 * retry never disturbs the zlib state.
 */
final class TightDecoder {
    static final int FILL = 8;
    static final int JPEG = 9;
    static final int FILTER_COPY = 0;
    static final int FILTER_PALETTE = 1;
    static final int FILTER_GRADIENT = 2;

    private final ZlibStream[] streams = new ZlibStream[4];
    private final int[] palette = new int[256];
    private final JpegRectDecoder jpeg = new JpegRectDecoder();
    private byte[] comp = new byte[8192];
    private byte[] plain = new byte[8192];

    TightDecoder(boolean keepHistory) {
        for (int i = 0; i < 4; i++) {
            streams[i] = new ZlibStream("Tight stream " + i, keepHistory);
        }
    }

    ZlibStream stream(int i) {
        return streams[i];
    }

    void decode(DecodeContext ctx, RfbInput in, int x, int y, int w, int h) throws IOException {
        PixelConverter pc = ctx.pixels;
        int tps = pc.tightPixelBytes();
        int ctl = in.readU8();
        int resets = ctl & 15;
        int kind = ctl >> 4;
        if (kind == FILL) {
            byte[] b = ctx.bytes(4);
            in.readFully(b, 0, tps);
            applyResets(resets);
            ctx.fb.fill(x, y, w, h, pc.readTightPixel(b, 0));
            ctx.stats.count("Tight.fill");
            return;
        }
        if (kind == JPEG) {
            int len = compactLength(in, ctx);
            in.require(len);
            byte[] data = ctx.bytes(len);
            in.readFully(data, 0, len);
            applyResets(resets);
            jpeg.decode(data, len, ctx.fb, x, y, w, h);
            ctx.stats.count("Tight.jpeg");
            return;
        }
        if (kind > JPEG) {
            throw RfbException.protocol("Tight: compression control " + kind + " is not supported (byte 0x"
                    + Integer.toHexString(ctl) + ")");
        }
        int streamId = kind & 3;
        int filter = FILTER_COPY;
        if ((kind & 4) != 0) {
            filter = in.readU8();
        }
        int colours = 0;
        int dataSize;
        if (filter == FILTER_PALETTE) {
            colours = in.readU8() + 1;
            byte[] b = ctx.bytes(colours * tps);
            in.readFully(b, 0, colours * tps);
            for (int i = 0; i < colours; i++) {
                palette[i] = pc.readTightPixel(b, i * tps);
            }
            dataSize = colours <= 2 ? ((w + 7) / 8) * h : w * h;
        } else if (filter == FILTER_COPY || filter == FILTER_GRADIENT) {
            dataSize = w * h * tps;
        } else {
            throw RfbException.protocol("Tight: filter id " + filter + " is not 0, 1 or 2");
        }
        byte[] data = plain(dataSize);
        if (dataSize < 12) {
            in.readFully(data, 0, dataSize);
            applyResets(resets);
        } else {
            int len = compactLength(in, ctx);
            in.require(len);
            byte[] c = comp(len);
            in.readFully(c, 0, len);
            applyResets(resets);
            ZlibStream z = streams[streamId];
            z.setInput(c, 0, len);
            z.readFully(data, 0, dataSize);
            z.finish();
        }
        int[] px = ctx.fb.pixels();
        int stride = ctx.fb.width();
        if (filter == FILTER_PALETTE) {
            ctx.stats.count("Tight.palette");
            if (colours <= 2) {
                int rowBytes = (w + 7) / 8;
                for (int r = 0; r < h; r++) {
                    int o = (y + r) * stride + x;
                    for (int i = 0; i < w; i++) {
                        int idx = ((data[r * rowBytes + (i >> 3)] & 0xFF) >> (7 - (i & 7))) & 1;
                        if (idx >= colours) {
                            throw RfbException.protocol("Tight: palette index " + idx + " >= " + colours);
                        }
                        px[o + i] = palette[idx];
                    }
                }
            } else {
                for (int r = 0; r < h; r++) {
                    int o = (y + r) * stride + x;
                    for (int i = 0; i < w; i++) {
                        int idx = data[r * w + i] & 0xFF;
                        if (idx >= colours) {
                            throw RfbException.protocol("Tight: palette index " + idx + " >= " + colours);
                        }
                        px[o + i] = palette[idx];
                    }
                }
            }
        } else if (filter == FILTER_GRADIENT) {
            ctx.stats.count("Tight.gradient");
            gradient(pc, data, px, stride, x, y, w, h);
        } else {
            ctx.stats.count("Tight.copy");
            for (int r = 0; r < h; r++) {
                int o = (y + r) * stride + x;
                int bo = r * w * tps;
                if (tps == 3 && pc.isTight888()) {
                    for (int i = 0; i < w; i++, bo += 3) {
                        px[o + i] = 0xFF000000
                                | ((data[bo] & 0xFF) << 16)
                                | ((data[bo + 1] & 0xFF) << 8)
                                | (data[bo + 2] & 0xFF);
                    }
                } else {
                    pc.decode(data, bo, px, o, w);
                }
            }
        }
    }

    private static void gradient(PixelConverter pc, byte[] data, int[] px, int stride, int x, int y, int w, int h) {
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
                int bo = (r * w + i) * tps;
                int p = rgb ? 0 : pc.readPixel(data, bo);
                int out = 0;
                for (int c = 0; c < 3; c++) {
                    int diff = rgb ? data[bo + c] & 0xFF : (p >>> shift[c]) & max[c];
                    int est = prev[(i + 1) * 3 + c] + cur[i * 3 + c] - prev[i * 3 + c];
                    if (est < 0) {
                        est = 0;
                    } else if (est > max[c]) {
                        est = max[c];
                    }
                    int v = (est + diff) & max[c];
                    cur[(i + 1) * 3 + c] = v;
                    out |= rgb ? v << (16 - 8 * c) : v << shift[c];
                }
                px[(y + r) * stride + x + i] = rgb ? 0xFF000000 | out : pc.toArgb(out);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
    }

    private void applyResets(int resets) {
        for (int i = 0; i < 4; i++) {
            if ((resets & (1 << i)) != 0) {
                streams[i].reset();
            }
        }
    }

    private static int compactLength(RfbInput in, DecodeContext ctx) throws IOException {
        int b = in.readU8();
        int len = b & 0x7F;
        if ((b & 0x80) != 0) {
            b = in.readU8();
            len |= (b & 0x7F) << 7;
            if ((b & 0x80) != 0) {
                len |= in.readU8() << 14;
            }
        }
        if (len > ctx.limits.maxCompressedBytes()) {
            throw RfbException.limit(
                    "Tight: compressed length " + len + " exceeds the limit of " + ctx.limits.maxCompressedBytes());
        }
        return len;
    }

    private byte[] comp(int n) {
        if (comp.length < n) {
            comp = new byte[n];
        }
        return comp;
    }

    private byte[] plain(int n) {
        if (plain.length < n) {
            plain = new byte[n];
        }
        return plain;
    }
}
