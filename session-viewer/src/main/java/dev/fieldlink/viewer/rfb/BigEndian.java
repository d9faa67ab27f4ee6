package dev.fieldlink.viewer.rfb;

/** RFB's network byte order read from a byte array (the callers have checked the bounds). */
public final class BigEndian {
    private BigEndian() {}

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    public static int s32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
