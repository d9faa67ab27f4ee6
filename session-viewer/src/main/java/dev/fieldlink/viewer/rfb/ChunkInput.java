package dev.fieldlink.viewer.rfb;

import java.io.IOException;
import java.util.Arrays;

/**
 * A push-fed {@link RfbInput}: chunks are appended as they arrive, a parser reads from a mark, and on {@link
 * NeedMoreInput} the owner {@link #reset() resets} to the mark and waits for more. Buffered bytes are capped; beyond
 * the cap {@link #append} fails with a limit error. Not thread-safe.
 */
public final class ChunkInput implements RfbInput {
    private final int maxBuffered;
    private final String what;
    private byte[] buf = new byte[4096];
    private int start; // first unconsumed byte (the mark)
    private int pos; // read position
    private int end; // end of buffered data
    private long base; // absolute stream position of buf[0]

    /**
     * @param maxBuffered cap on bytes held at once
     * @param what stream name for error messages
     */
    public ChunkInput(int maxBuffered, String what) {
        this.maxBuffered = maxBuffered;
        this.what = what;
    }

    /** Buffers a chunk. */
    public void append(byte[] b, int off, int len) throws RfbException {
        if (len <= 0) {
            return;
        }
        if ((long) (end - start) + len > maxBuffered) {
            throw RfbException.limit(what + ": " + ((long) (end - start) + len)
                    + " bytes pending exceed the buffer limit of " + maxBuffered);
        }
        if (end + len > buf.length) {
            int live = end - start;
            byte[] target = buf;
            if (live + len > buf.length) {
                long grown = Math.max((long) live + len, 2L * buf.length);
                target = new byte[(int) Math.min(grown, Math.max(maxBuffered, live + len))];
            }
            System.arraycopy(buf, start, target, 0, live);
            buf = target;
            base += start;
            pos -= start;
            end = live;
            start = 0;
        }
        System.arraycopy(b, off, buf, end, len);
        end += len;
    }

    /** Marks the current read position as the start of the next unit; bytes before it are released. */
    public void commit() {
        start = pos;
        if (start == end) {
            base += start;
            start = pos = end = 0;
            if (buf.length > 65536) {
                buf = new byte[4096];
            }
        }
    }

    /** Rewinds to the start of the current unit. */
    public void reset() {
        pos = start;
    }

    /** Bytes buffered after the read position. */
    public int available() {
        return end - pos;
    }

    /** Absolute position of the end of buffered data. */
    public long bufferedEnd() {
        return base + end;
    }

    /** Absolute position of the current unit's start. */
    public long committedPosition() {
        return base + start;
    }

    @Override
    public long position() {
        return base + pos;
    }

    private void need(int n) throws NeedMoreInput {
        if (end - pos < n) {
            throw new NeedMoreInput(base + pos + n);
        }
    }

    @Override
    public int readU8() throws IOException {
        need(1);
        return buf[pos++] & 0xFF;
    }

    @Override
    public int readU16() throws IOException {
        need(2);
        int v = BigEndian.u16(buf, pos);
        pos += 2;
        return v;
    }

    @Override
    public int readS32() throws IOException {
        need(4);
        int v = BigEndian.s32(buf, pos);
        pos += 4;
        return v;
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        need(len);
        System.arraycopy(buf, pos, b, off, len);
        pos += len;
    }

    @Override
    public void skip(long n) throws IOException {
        require(n);
        pos += (int) n;
    }

    @Override
    public void require(long n) throws IOException {
        if (n > maxBuffered) {
            throw RfbException.limit(what + ": a unit of " + n + " bytes exceeds the buffer limit of " + maxBuffered);
        }
        if (end - pos < n) {
            throw new NeedMoreInput(base + pos + n);
        }
    }

    /** Copy of the unread buffered bytes (for diagnostics and tests). */
    public byte[] unread() {
        return Arrays.copyOfRange(buf, pos, end);
    }
}
