package dev.fieldlink.viewer.rfb;

/**
 * An RFB pixel format (RFC 6143 section 7.4): how a pixel value is laid out on the wire. Immutable; construct only
 * valid formats with {@link #validate(String)}.
 *
 * @param bitsPerPixel 8, 16, 24 or 32 (24 is not in RFC 6143 but libvncserver speaks it)
 * @param depth number of useful bits
 * @param bigEndian byte order of multi-byte pixels
 * @param trueColour true for true-colour formats; colour-map formats are refused
 */
public record PixelFormat(
        int bitsPerPixel,
        int depth,
        boolean bigEndian,
        boolean trueColour,
        int redMax,
        int greenMax,
        int blueMax,
        int redShift,
        int greenShift,
        int blueShift) {

    /** 32 bits per pixel, depth 24, little-endian, 0x00RRGGBB: the native format of our framebuffer. */
    public static final PixelFormat RGB888_LE = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);
    /** 32 bits per pixel, depth 24, big-endian, 0x00RRGGBB. */
    public static final PixelFormat RGB888_BE = new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0);
    /** 16 bits per pixel, RGB 5-6-5, little-endian (common on slow links). */
    public static final PixelFormat RGB565_LE = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
    /** 8 bits per pixel BGR233, TigerVNC's lowest-quality format. */
    public static final PixelFormat BGR233 = new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6);

    public int bytesPerPixel() {
        return bitsPerPixel / 8;
    }

    /**
     * Checks that this format is one we can speak, naming the offending field otherwise.
     *
     * @param what the message it came in, for the error text
     */
    public PixelFormat validate(String what) throws RfbException {
        if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 24 && bitsPerPixel != 32) {
            throw RfbException.protocol(what + ": bits-per-pixel " + bitsPerPixel + " is not 8, 16, 24 or 32");
        }
        if (!trueColour) {
            throw RfbException.unsupported(what + ": colour-map pixel formats are not supported (true-colour-flag 0)");
        }
        if (depth < 1 || depth > bitsPerPixel) {
            throw RfbException.protocol(
                    what + ": depth " + depth + " does not fit " + bitsPerPixel + " bits per pixel");
        }
        checkChannel(what, "red", redMax, redShift);
        checkChannel(what, "green", greenMax, greenShift);
        checkChannel(what, "blue", blueMax, blueShift);
        return this;
    }

    private void checkChannel(String what, String name, int max, int shift) throws RfbException {
        if (max < 1 || max > 0xFFFF || (max & (max + 1)) != 0) {
            throw RfbException.protocol(what + ": " + name + "-max " + max + " is not 2^n-1 in 1..65535");
        }
        int bits = Integer.bitCount(max);
        if (shift < 0 || shift + bits > bitsPerPixel) {
            throw RfbException.protocol(what + ": " + name + "-shift " + shift + " puts " + bits + " bits outside "
                    + bitsPerPixel + " bits per pixel");
        }
    }

    /** Writes the 16-byte wire form (including 3 padding bytes). */
    public void write(byte[] b, int off) {
        b[off] = (byte) bitsPerPixel;
        b[off + 1] = (byte) depth;
        b[off + 2] = (byte) (bigEndian ? 1 : 0);
        b[off + 3] = (byte) (trueColour ? 1 : 0);
        b[off + 4] = (byte) (redMax >> 8);
        b[off + 5] = (byte) redMax;
        b[off + 6] = (byte) (greenMax >> 8);
        b[off + 7] = (byte) greenMax;
        b[off + 8] = (byte) (blueMax >> 8);
        b[off + 9] = (byte) blueMax;
        b[off + 10] = (byte) redShift;
        b[off + 11] = (byte) greenShift;
        b[off + 12] = (byte) blueShift;
        b[off + 13] = 0;
        b[off + 14] = 0;
        b[off + 15] = 0;
    }

    public byte[] toBytes() {
        byte[] b = new byte[16];
        write(b, 0);
        return b;
    }

    /** Parses the 16-byte wire form without validating it. */
    public static PixelFormat read(byte[] b, int off) {
        return new PixelFormat(
                b[off] & 0xFF,
                b[off + 1] & 0xFF,
                b[off + 2] != 0,
                b[off + 3] != 0,
                ((b[off + 4] & 0xFF) << 8) | (b[off + 5] & 0xFF),
                ((b[off + 6] & 0xFF) << 8) | (b[off + 7] & 0xFF),
                ((b[off + 8] & 0xFF) << 8) | (b[off + 9] & 0xFF),
                b[off + 10] & 0xFF,
                b[off + 11] & 0xFF,
                b[off + 12] & 0xFF);
    }

    /** Reads and validates the 16-byte wire form. */
    public static PixelFormat read(RfbInput in, String what) throws java.io.IOException {
        byte[] b = new byte[16];
        in.readFully(b, 0, 16);
        return read(b, 0).validate(what);
    }

    @Override
    public String toString() {
        return bitsPerPixel + "bpp depth " + depth + (bigEndian ? " BE" : " LE") + " max " + redMax + "/" + greenMax
                + "/" + blueMax + " shift " + redShift + "/" + greenShift + "/" + blueShift;
    }
}
