package dev.fieldlink.viewer.rfb;

/**
 * Converts between wire pixels of one {@link PixelFormat} and our framebuffer's ARGB ints (alpha always 0xFF). Also
 * knows the compact forms: ZRLE's 3-byte CPIXEL and Tight's 3-byte RGB TPIXEL. Immutable and thread-safe.
 *
 * <p>Channel scaling: a wire value {@code v} of a channel with maximum {@code m} becomes {@code (v * 255 + m / 2) /
 * m}; an 8-bit value {@code c} becomes {@code (c * m + 127) / 255}.
 */
public final class PixelConverter {
    private final PixelFormat pf;
    private final int bpp;
    private final boolean be;
    private final int[] toArgb16; // for 8 and 16 bpp: whole pixel -> ARGB
    private final int[] redUp;
    private final int[] greenUp;
    private final int[] blueUp;
    private final int[] redDown = new int[256];
    private final int[] greenDown = new int[256];
    private final int[] blueDown = new int[256];
    private final boolean direct888; // 32/24 bpp with 8-bit channels: no tables needed
    private final int zrleCompactShift; // -1: ZRLE CPIXEL is a full pixel; else 3 bytes, value << shift
    private final boolean tight888;

    public PixelConverter(PixelFormat pf) {
        this.pf = pf;
        this.bpp = pf.bytesPerPixel();
        this.be = pf.bigEndian();
        redUp = upTable(pf.redMax());
        greenUp = upTable(pf.greenMax());
        blueUp = upTable(pf.blueMax());
        for (int c = 0; c < 256; c++) {
            redDown[c] = ((c * pf.redMax() + 127) / 255) << pf.redShift();
            greenDown[c] = ((c * pf.greenMax() + 127) / 255) << pf.greenShift();
            blueDown[c] = ((c * pf.blueMax() + 127) / 255) << pf.blueShift();
        }
        if (bpp <= 2) {
            toArgb16 = new int[1 << (bpp * 8)];
            for (int p = 0; p < toArgb16.length; p++) {
                toArgb16[p] = slowToArgb(p);
            }
        } else {
            toArgb16 = null;
        }
        direct888 = bpp >= 3 && pf.redMax() == 255 && pf.greenMax() == 255 && pf.blueMax() == 255;
        long maxPixel = ((long) pf.redMax() << pf.redShift())
                | ((long) pf.greenMax() << pf.greenShift())
                | ((long) pf.blueMax() << pf.blueShift());
        if (pf.bitsPerPixel() == 32 && pf.depth() <= 24) {
            boolean ls3 = maxPixel < (1L << 24);
            boolean ms3 = (maxPixel & 0xFF) == 0;
            if ((!be && ls3) || (be && ms3)) {
                zrleCompactShift = be ? 8 : 0;
            } else if ((!be && ms3) || (be && ls3)) {
                zrleCompactShift = be ? 0 : 8;
            } else {
                zrleCompactShift = -1;
            }
        } else {
            zrleCompactShift = -1;
        }
        tight888 = pf.bitsPerPixel() == 32
                && pf.depth() == 24
                && pf.redMax() == 255
                && pf.greenMax() == 255
                && pf.blueMax() == 255
                && pf.redShift() % 8 == 0
                && pf.greenShift() % 8 == 0
                && pf.blueShift() % 8 == 0;
    }

    private static int[] upTable(int max) {
        int[] t = new int[max + 1];
        for (int v = 0; v <= max; v++) {
            t[v] = (v * 255 + max / 2) / max;
        }
        return t;
    }

    private int slowToArgb(int p) {
        int r = redUp[(p >>> pf.redShift()) & pf.redMax()];
        int g = greenUp[(p >>> pf.greenShift()) & pf.greenMax()];
        int b = blueUp[(p >>> pf.blueShift()) & pf.blueMax()];
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    public PixelFormat format() {
        return pf;
    }

    public int bytesPerPixel() {
        return bpp;
    }

    /** Wire pixel value to ARGB. */
    public int toArgb(int p) {
        if (toArgb16 != null) {
            return toArgb16[p & (toArgb16.length - 1)];
        }
        if (direct888) {
            return 0xFF000000
                    | (((p >>> pf.redShift()) & 0xFF) << 16)
                    | (((p >>> pf.greenShift()) & 0xFF) << 8)
                    | ((p >>> pf.blueShift()) & 0xFF);
        }
        return slowToArgb(p);
    }

    /** ARGB to the nearest wire pixel value. */
    public int fromArgb(int argb) {
        return redDown[(argb >>> 16) & 0xFF] | greenDown[(argb >>> 8) & 0xFF] | blueDown[argb & 0xFF];
    }

    /** What a colour looks like after a trip through this format: {@code toArgb(fromArgb(argb))}. */
    public int roundTrip(int argb) {
        return toArgb(fromArgb(argb));
    }

    /** Reads one wire pixel value of {@code bytesPerPixel()} bytes. */
    public int readPixel(byte[] b, int off) {
        switch (bpp) {
            case 1:
                return b[off] & 0xFF;
            case 2:
                return be ? BigEndian.u16(b, off) : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
            case 3:
                return read24(b, off);
            default:
                return be
                        ? BigEndian.s32(b, off)
                        : (b[off] & 0xFF)
                                | ((b[off + 1] & 0xFF) << 8)
                                | ((b[off + 2] & 0xFF) << 16)
                                | ((b[off + 3] & 0xFF) << 24);
        }
    }

    /** Writes one wire pixel value as {@code bytesPerPixel()} bytes. */
    public void writePixel(int p, byte[] b, int off) {
        writeBytes(p, bpp, b, off);
    }

    private void writeBytes(int p, int n, byte[] b, int off) {
        if (be) {
            for (int i = n - 1; i >= 0; i--) {
                b[off + i] = (byte) p;
                p >>>= 8;
            }
        } else {
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) p;
                p >>>= 8;
            }
        }
    }

    /** Decodes {@code n} wire pixels starting at {@code off} into ARGB. */
    public void decode(byte[] src, int off, int[] dst, int dstOff, int n) {
        if (bpp == 4 && !be && direct888 && pf.redShift() == 16 && pf.greenShift() == 8 && pf.blueShift() == 0) {
            for (int i = 0; i < n; i++, off += 4) {
                dst[dstOff + i] =
                        0xFF000000 | ((src[off + 2] & 0xFF) << 16) | ((src[off + 1] & 0xFF) << 8) | (src[off] & 0xFF);
            }
            return;
        }
        for (int i = 0; i < n; i++, off += bpp) {
            dst[dstOff + i] = toArgb(readPixel(src, off));
        }
    }

    /** Encodes {@code n} ARGB pixels as wire pixels at {@code dstOff}. */
    public void encode(int[] src, int srcOff, byte[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++, dstOff += bpp) {
            writePixel(fromArgb(src[srcOff + i]), dst, dstOff);
        }
    }

    // ---- ZRLE CPIXEL ----

    /** Bytes per ZRLE CPIXEL: 3 when the format allows the compact form, else the pixel size. */
    public int zrleCPixelBytes() {
        return zrleCompactShift >= 0 ? 3 : bpp;
    }

    /** Reads one ZRLE CPIXEL and returns ARGB. */
    public int readZrleCPixel(byte[] b, int off) {
        if (zrleCompactShift < 0) {
            return toArgb(readPixel(b, off));
        }
        return toArgb(read24(b, off) << zrleCompactShift);
    }

    /** Three bytes in the client's byte order (3-byte pixels, ZRLE's compact CPIXEL). */
    private int read24(byte[] b, int off) {
        return be
                ? ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF)
                : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) | ((b[off + 2] & 0xFF) << 16);
    }

    /** Decodes {@code n} ZRLE CPIXELs into ARGB. */
    public void decodeZrleCPixels(byte[] src, int off, int[] dst, int dstOff, int n) {
        if (zrleCompactShift == 0 && !be && pf.redShift() == 16 && pf.greenShift() == 8 && pf.blueShift() == 0) {
            for (int i = 0; i < n; i++, off += 3) {
                dst[dstOff + i] =
                        0xFF000000 | ((src[off + 2] & 0xFF) << 16) | ((src[off + 1] & 0xFF) << 8) | (src[off] & 0xFF);
            }
            return;
        }
        int step = zrleCPixelBytes();
        for (int i = 0; i < n; i++, off += step) {
            dst[dstOff + i] = readZrleCPixel(src, off);
        }
    }

    /** Writes one ARGB colour as a ZRLE CPIXEL; returns the bytes written. */
    public int writeZrleCPixel(int argb, byte[] b, int off) {
        int p = fromArgb(argb);
        if (zrleCompactShift < 0) {
            writePixel(p, b, off);
            return bpp;
        }
        writeBytes(p >>> zrleCompactShift, 3, b, off);
        return 3;
    }

    // ---- Tight TPIXEL ----

    /** Bytes per Tight TPIXEL: 3 (R, G, B) for 8-bit-per-channel 32 bpp depth 24 formats, else the pixel size. */
    public int tightPixelBytes() {
        return tight888 ? 3 : bpp;
    }

    public boolean isTight888() {
        return tight888;
    }

    /** Reads one Tight TPIXEL and returns ARGB. */
    public int readTightPixel(byte[] b, int off) {
        if (tight888) {
            return 0xFF000000 | ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
        }
        return toArgb(readPixel(b, off));
    }

    /** Writes one ARGB colour as a Tight TPIXEL; returns the bytes written. */
    public int writeTightPixel(int argb, byte[] b, int off) {
        if (tight888) {
            b[off] = (byte) (argb >>> 16);
            b[off + 1] = (byte) (argb >>> 8);
            b[off + 2] = (byte) argb;
            return 3;
        }
        writePixel(fromArgb(argb), b, off);
        return bpp;
    }
}
