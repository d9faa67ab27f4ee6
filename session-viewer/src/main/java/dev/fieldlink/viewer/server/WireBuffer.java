package dev.fieldlink.viewer.server;

import java.util.Arrays;

/** A growable big-endian byte buffer for building server messages. Not thread-safe. */
final class WireBuffer {
    private byte[] buf = new byte[64 * 1024];
    private int len;

    void clear() {
        len = 0;
    }

    int length() {
        return len;
    }

    byte[] array() {
        return buf;
    }

    void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
        }
    }

    void u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >> 8);
        buf[len++] = (byte) v;
    }

    void s32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >> 24);
        buf[len++] = (byte) (v >> 16);
        buf[len++] = (byte) (v >> 8);
        buf[len++] = (byte) v;
    }

    void bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    /** Reserves {@code n} bytes and returns their offset (for writing in place). */
    int reserve(int n) {
        ensure(n);
        int at = len;
        len += n;
        return at;
    }

    void truncate(int newLength) {
        len = newLength;
    }

    void putU16(int at, int v) {
        buf[at] = (byte) (v >> 8);
        buf[at + 1] = (byte) v;
    }

    void rectHeader(int x, int y, int w, int h, int encoding) {
        u16(x);
        u16(y);
        u16(w);
        u16(h);
        s32(encoding);
    }
}
