package dev.fieldlink.viewer.rfb;

import java.io.IOException;

/**
 * Big-endian wire input shared by the blocking client and the push-style parsers. A blocking input waits for bytes;
 * a {@link ChunkInput} throws {@link NeedMoreInput} instead, and its owner retries the unit once more bytes arrived.
 * Not thread-safe.
 */
public interface RfbInput {
    int readU8() throws IOException;

    int readU16() throws IOException;

    /** Reads 4 bytes as a signed int (callers treat it as unsigned where RFB says so). */
    int readS32() throws IOException;

    void readFully(byte[] b, int off, int len) throws IOException;

    void skip(long n) throws IOException;

    /**
     * Declares that the current unit needs {@code n} more bytes before it can go on. A blocking input ignores it; a
     * {@link ChunkInput} fails fast with {@link NeedMoreInput} so that large units are retried only when complete.
     */
    void require(long n) throws IOException;

    /** Bytes consumed so far. */
    long position();
}
