package dev.fieldlink.viewer.rfb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A blocking {@link RfbInput} over an {@link InputStream}, with its own read buffer. Not thread-safe. */
public final class StreamInput implements RfbInput {
    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int end;
    private long consumed;

    public StreamInput(InputStream in) {
        this(in, 64 * 1024);
    }

    public StreamInput(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** Total bytes read from the underlying stream so far. */
    public long bytesReceived() {
        return consumed + end;
    }

    private void fill(int n) throws IOException {
        if (end - pos >= n) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            consumed += pos;
            end -= pos;
            pos = 0;
        }
        while (end < n) {
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                throw new EOFException("connection closed by peer");
            }
            end += r;
        }
    }

    @Override
    public int readU8() throws IOException {
        if (pos >= end) {
            fill(1);
        }
        return buf[pos++] & 0xFF;
    }

    @Override
    public int readU16() throws IOException {
        fill(2);
        int v = BigEndian.u16(buf, pos);
        pos += 2;
        return v;
    }

    @Override
    public int readS32() throws IOException {
        fill(4);
        int v = BigEndian.s32(buf, pos);
        pos += 4;
        return v;
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        int have = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, have);
        pos += have;
        off += have;
        len -= have;
        if (len == 0) {
            return;
        }
        if (len >= buf.length / 2) {
            while (len > 0) {
                int r = in.read(b, off, len);
                if (r < 0) {
                    throw new EOFException("connection closed by peer");
                }
                consumed += r;
                off += r;
                len -= r;
            }
            return;
        }
        fill(len);
        System.arraycopy(buf, pos, b, off, len);
        pos += len;
    }

    @Override
    public void skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        while (n > 0) {
            int k = (int) Math.min(n, scratch.length);
            readFully(scratch, 0, k);
            n -= k;
        }
    }

    /** Removes and returns the bytes read ahead into the buffer but not consumed yet. */
    public byte[] takeBuffered() {
        byte[] b = java.util.Arrays.copyOfRange(buf, pos, end);
        consumed += end;
        pos = end = 0;
        return b;
    }

    @Override
    public void require(long n) {
        // Blocking reads simply wait for the bytes.
    }

    @Override
    public long position() {
        return consumed + pos;
    }
}
