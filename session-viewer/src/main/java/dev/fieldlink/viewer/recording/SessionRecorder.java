package dev.fieldlink.viewer.recording;

import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.ServerInit;
import dev.fieldlink.viewer.rfb.decode.ServerStreamDecoder;
import dev.fieldlink.viewer.tap.RfbStreamTap;
import dev.fieldlink.viewer.tap.TapListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one spliced RFB connection as it passes: feed it every chunk of both directions ({@link #clientToServer},
 * {@link #serverToClient}); it writes them, timestamped by the injected clock, to the output stream in the format of
 * docs/recording-format.md, flushing after every record so that a crash leaves a file readable up to the last
 * complete record. It decodes the server stream passively with the viewer's decoders and writes a keyframe at the
 * first message boundary after each {@link RecorderOptions#keyframeInterval()}.
 *
 * <p>The header (with the initial size and pixel format from ServerInit) is written once ServerInit has passed;
 * chunks before it (the handshake, under a kilobyte) are held until then. Malformed RFB never stops the recording:
 * the decoder is switched off (no further keyframes) and the bytes are still written. Write failures are thrown.
 * Thread-safe: the two directions may be fed from two threads.
 */
public final class SessionRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionRecorder.class);
    private static final int MAX_PENDING = 64 * 1024;

    private final OutputStream out;
    private final String sessionId;
    private final Clock clock;
    private final RecorderOptions options;
    private final long start;
    private final RfbStreamTap tap;
    private final List<byte[]> pendingRecords = new ArrayList<>();
    private int pendingBytes;
    private boolean headerWritten;
    private boolean decoding = true;
    private boolean closed;
    private long lastKeyframe = Long.MIN_VALUE;
    private byte[] keyframeDue;
    private long bytesWritten;
    private int keyframes;

    public SessionRecorder(OutputStream out, String sessionId, Clock clock, RecorderOptions options) {
        this.out = out;
        this.sessionId = sessionId;
        this.clock = clock;
        this.options = options;
        this.start = clock.millis();
        this.tap = new RfbStreamTap(options.limits(), new Listener(), true, null);
    }

    /** Records a chunk the client sent to the server. */
    public synchronized void clientToServer(byte[] b, int off, int len) throws IOException {
        if (closed || len <= 0) {
            return;
        }
        if (decoding) {
            try {
                tap.clientToServer(b, off, len);
            } catch (RfbException e) {
                stopDecoding(e);
            }
        }
        record(RecordingFormat.CLIENT_TO_SERVER, b, off, len);
    }

    /** Records a chunk the server sent to the client. */
    public synchronized void serverToClient(byte[] b, int off, int len) throws IOException {
        if (closed || len <= 0) {
            return;
        }
        if (decoding) {
            try {
                tap.serverToClient(b, off, len);
            } catch (RfbException e) {
                stopDecoding(e);
            }
        }
        record(RecordingFormat.SERVER_TO_CLIENT, b, off, len);
    }

    /** Keyframes written so far. */
    public synchronized int keyframes() {
        return keyframes;
    }

    /** Bytes written to the output so far. */
    public synchronized long bytesWritten() {
        return bytesWritten;
    }

    /** False once malformed RFB switched keyframe decoding off. */
    public synchronized boolean decoding() {
        return decoding;
    }

    @Override
    public void close() throws IOException {
        close("");
    }

    /** Writes the end record with a reason (e.g. "operator ended the session") and closes the output. */
    public synchronized void close(String reason) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ensureHeader();
            byte[] r = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            write(RecordingFormat.END, r, 0, r.length);
        } finally {
            out.close();
        }
    }

    private void stopDecoding(RfbException e) {
        decoding = false;
        log.warn("session {}: recording continues without keyframes: {}", sessionId, e.getMessage());
    }

    private void record(int type, byte[] b, int off, int len) throws IOException {
        if (!headerWritten) {
            byte[] rec = encode(type, b, off, len);
            pendingRecords.add(rec);
            pendingBytes += rec.length;
            if (tap.serverInit() != null || pendingBytes > MAX_PENDING || !decoding) {
                ensureHeader();
            }
        } else {
            write(type, b, off, len);
        }
        if (headerWritten && keyframeDue != null) {
            byte[] k = keyframeDue;
            keyframeDue = null;
            write(RecordingFormat.KEYFRAME, k, 0, k.length);
            keyframes++;
        }
    }

    private void ensureHeader() throws IOException {
        if (headerWritten) {
            return;
        }
        ServerInit si = tap.serverInit();
        RecordingHeader h = new RecordingHeader(
                start,
                sessionId,
                tap.version() == null ? 0 : tap.version().minor(),
                si == null ? 0 : si.width(),
                si == null ? 0 : si.height(),
                si == null ? null : si.pixelFormat(),
                si == null ? "" : si.name());
        byte[] hb = RecordingFormat.header(h);
        out.write(hb);
        bytesWritten += hb.length;
        headerWritten = true;
        for (byte[] rec : pendingRecords) {
            out.write(rec);
            bytesWritten += rec.length;
        }
        pendingRecords.clear();
        pendingBytes = 0;
        out.flush();
    }

    private byte[] encode(int type, byte[] b, int off, int len) {
        long t = Math.max(0, clock.millis() - start);
        ByteBuffer rec = ByteBuffer.allocate(RecordingFormat.RECORD_OVERHEAD + len);
        rec.put((byte) type).putInt((int) Math.min(t, 0xFFFFFFFFL)).putInt(len).put(b, off, len);
        CRC32 crc = new CRC32();
        crc.update(rec.array(), 0, 9 + len);
        rec.putInt((int) crc.getValue());
        return rec.array();
    }

    private void write(int type, byte[] b, int off, int len) throws IOException {
        byte[] rec = encode(type, b, off, len);
        out.write(rec);
        out.flush();
        bytesWritten += rec.length;
    }

    private final class Listener implements TapListener {
        @Override
        public void serverBoundary(long serverOffset, long clientOffset) {
            long now = clock.millis();
            if (lastKeyframe != Long.MIN_VALUE
                    && now - lastKeyframe < options.keyframeInterval().toMillis()) {
                return;
            }
            ServerStreamDecoder d = tap.decoder();
            if (d == null) {
                return;
            }
            lastKeyframe = now;
            try {
                keyframeDue = RecordingFormat.keyframe(new RecordingFormat.Keyframe(
                        serverOffset,
                        clientOffset,
                        tap.version() == null ? 0 : tap.version().minor(),
                        d.framebuffer().width(),
                        d.framebuffer().height(),
                        d.saveState(),
                        d.framebuffer().copy()));
            } catch (IOException e) {
                log.warn("session {}: keyframe skipped: {}", sessionId, e.getMessage());
            }
        }
    }
}
