package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.RfbException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One persistent zlib stream of an encoding (ZRLE has one, Tight four). Output is read in exact amounts; running out
 * of input before the amount is reached, or input left producing more output, is a protocol error. Optionally keeps
 * the last 32 KiB of output so that a recording keyframe can restart the stream later (raw inflate with that
 * dictionary). Not thread-safe.
 */
final class ZlibStream {
    static final int WINDOW = 32 * 1024;

    private final String name;
    private final boolean keepHistory;
    private Inflater inflater = new Inflater();
    private boolean started;
    private final byte[] out = new byte[64 * 1024];
    private int op;
    private int oe;
    private byte[] history;
    private int historyEnd; // total bytes written, ring index = historyEnd % WINDOW

    ZlibStream(String name, boolean keepHistory) {
        this.name = name;
        this.keepHistory = keepHistory;
        if (keepHistory) {
            history = new byte[WINDOW];
        }
    }

    /** Gives the compressed bytes of one rectangle; they must stay untouched until {@link #finish()}. */
    void setInput(byte[] b, int off, int len) {
        inflater.setInput(b, off, len);
        started = true;
        op = oe = 0;
    }

    int readU8() throws RfbException {
        if (op >= oe) {
            fill(1);
        }
        return out[op++] & 0xFF;
    }

    void readFully(byte[] dst, int off, int len) throws RfbException {
        while (len > 0) {
            if (op >= oe) {
                fill(1);
            }
            int n = Math.min(len, oe - op);
            System.arraycopy(out, op, dst, off, n);
            op += n;
            off += n;
            len -= n;
        }
    }

    private void fill(int n) throws RfbException {
        if (op > 0) {
            System.arraycopy(out, op, out, 0, oe - op);
            oe -= op;
            op = 0;
        }
        while (oe < n) {
            int r;
            try {
                r = inflater.inflate(out, oe, out.length - oe);
            } catch (DataFormatException e) {
                throw RfbException.protocol(name + ": corrupt zlib data (" + e.getMessage() + ")");
            }
            if (r == 0) {
                if (inflater.needsInput()) {
                    throw RfbException.protocol(name + ": zlib data ended before the rectangle was complete");
                }
                if (inflater.needsDictionary()) {
                    throw RfbException.protocol(name + ": zlib stream asks for a preset dictionary");
                }
                if (inflater.finished()) {
                    throw RfbException.protocol(name + ": zlib stream ended");
                }
            }
            remember(out, oe, r);
            oe += r;
        }
    }

    /** Ends the rectangle: the rest of its input must produce no output (a sync-flush marker only). */
    void finish() throws RfbException {
        if (op != oe) {
            throw RfbException.protocol(name + ": " + (oe - op) + " bytes of zlib output left after the rectangle");
        }
        op = oe = 0;
        while (!inflater.needsInput() && !inflater.finished()) {
            int r;
            try {
                r = inflater.inflate(out, 0, out.length);
            } catch (DataFormatException e) {
                throw RfbException.protocol(name + ": corrupt zlib data (" + e.getMessage() + ")");
            }
            if (r > 0) {
                throw RfbException.protocol(name + ": zlib data continues after the rectangle");
            }
            if (inflater.needsDictionary()) {
                throw RfbException.protocol(name + ": zlib stream asks for a preset dictionary");
            }
        }
    }

    private void remember(byte[] b, int off, int len) {
        if (!keepHistory || len == 0) {
            return;
        }
        if (len >= WINDOW) {
            off += len - WINDOW;
            historyEnd += len - WINDOW;
            len = WINDOW;
        }
        int idx = historyEnd % WINDOW;
        int first = Math.min(len, WINDOW - idx);
        System.arraycopy(b, off, history, idx, first);
        System.arraycopy(b, off + first, history, 0, len - first);
        historyEnd += len;
        if (historyEnd >= 2 * WINDOW) {
            historyEnd -= WINDOW;
        }
    }

    /** Starts a new stream (Tight's reset bits). */
    void reset() {
        inflater.end();
        inflater = new Inflater();
        started = false;
        historyEnd = 0;
        op = oe = 0;
    }

    boolean started() {
        return started;
    }

    /** The last up to 32 KiB of output, oldest first (needs history). */
    byte[] dictionary() {
        int len = Math.min(historyEnd, WINDOW);
        byte[] d = new byte[len];
        int startIdx = (historyEnd - len) % WINDOW;
        int first = Math.min(len, WINDOW - startIdx);
        System.arraycopy(history, startIdx, d, 0, first);
        System.arraycopy(history, 0, d, first, len - first);
        return d;
    }

    /** Restores a stream saved with {@link #started()} and {@link #dictionary()}. */
    void restore(boolean wasStarted, byte[] dictionary) {
        inflater.end();
        op = oe = 0;
        historyEnd = 0;
        if (!wasStarted) {
            inflater = new Inflater();
            started = false;
            return;
        }
        inflater = new Inflater(true);
        if (dictionary.length > 0) {
            inflater.setDictionary(dictionary);
        }
        started = true;
        remember(dictionary, 0, dictionary.length);
    }

    void end() {
        inflater.end();
    }
}
