package dev.fieldlink.viewer.client;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.RemoteInput;
import dev.fieldlink.viewer.rfb.RemoteScreen;
import dev.fieldlink.viewer.rfb.RemoteScreenListener;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.ServerInit;
import dev.fieldlink.viewer.rfb.StreamInput;
import dev.fieldlink.viewer.rfb.decode.DecodeStats;
import dev.fieldlink.viewer.rfb.decode.ServerEventSink;
import dev.fieldlink.viewer.rfb.decode.ServerStreamDecoder;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.rfb.message.ClientMessageWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RFB client over any stream pair (a socket, an SSH channel). {@link #connect} performs the handshake on the
 * calling thread, then one daemon thread reads and decodes the server stream in order and reports to the listeners.
 *
 * <p>Thread-safety: all public methods may be called from any thread. Input methods queue their message for a
 * writer thread and never wait for the network. Listener calls happen on the reader thread.
 */
public final class RfbClient implements RemoteScreen, RemoteInput, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RfbClient.class);
    private static final int FENCE_REQUEST = 0x80000000;
    private static final int FENCE_FLAGS_SUPPORTED = 0x7;
    private static final long PROBE_INTERVAL_MS = 1000;
    /** Messages queued for the writer thread; a peer that stops reading for this long ends the connection. */
    private static final int OUTGOING_LIMIT = 8192;

    private static final byte[] CLOSE = new byte[0];

    private final StreamInput in;
    private final InputStream rawIn;
    private final OutputStream out;
    private final RfbClientConfig config;
    private final ClientHandshake.Result handshake;
    private final Framebuffer fb;
    private final ServerStreamDecoder decoder;
    private final List<RemoteScreenListener> listeners = new CopyOnWriteArrayList<>();
    private final RfbClientListener clientListener;
    private final StatsMeter stats;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch drained = new CountDownLatch(1);
    private final Thread reader;
    private final Thread writer;
    private final java.util.concurrent.BlockingQueue<byte[]> outgoing =
            new java.util.concurrent.LinkedBlockingQueue<>(OUTGOING_LIMIT);
    private volatile PixelFormat pendingFormat;
    private volatile ConnectionEnd end;
    private volatile boolean serverFence;
    private long probeSentAt = -1;
    private long lastProbeAt;

    private RfbClient(
            InputStream rawIn,
            OutputStream out,
            RfbClientConfig config,
            RfbClientListener listener,
            StreamInput in,
            ClientHandshake.Result hs)
            throws RfbException {
        this.rawIn = rawIn;
        this.in = in;
        this.out = out;
        this.config = config;
        this.handshake = hs;
        this.clientListener = listener == null ? new RfbClientListener() {} : listener;
        this.stats = new StatsMeter(config.clock());
        ServerInit si = hs.serverInit();
        this.fb = new Framebuffer(si.width(), si.height());
        PixelFormat pf = config.pixelFormat() != null
                ? config.pixelFormat()
                : si.pixelFormat().validate("ServerInit");
        this.decoder = new ServerStreamDecoder(fb, pf, config.limits(), new Sink(), false);
        listeners.add(this.clientListener);
        this.reader = new Thread(this::readLoop, "rfb-client-reader");
        this.reader.setDaemon(true);
        this.writer = new Thread(this::writeLoop, "rfb-client-writer");
        this.writer.setDaemon(true);
    }

    /**
     * Runs the handshake on this thread (blocking on {@code in}; use a socket timeout or close the streams to abort),
     * sends pixel format, encodings and a first full update request, and starts the reader thread.
     *
     * @throws RfbException on a protocol violation, unsupported security or failed authentication
     * @throws IOException when the streams fail
     */
    public static RfbClient connect(
            InputStream in, OutputStream out, RfbClientConfig config, RfbClientListener listener) throws IOException {
        StreamInput sin = new StreamInput(in);
        ClientHandshake.Result hs = ClientHandshake.run(sin, out, config.password(), config.shared(), config.limits());
        RfbClient c = new RfbClient(in, out, config, listener, sin, hs);
        if (config.pixelFormat() != null) {
            c.send(new ClientMessage.SetPixelFormat(config.pixelFormat().validate("client pixel format")));
        }
        c.send(new ClientMessage.SetEncodings(config.advertisedEncodings()));
        c.requestUpdate(false);
        c.clientListener.started(c);
        c.writer.start();
        c.reader.start();
        return c;
    }

    public ServerInit serverInit() {
        return handshake.serverInit();
    }

    public ProtocolVersion protocolVersion() {
        return handshake.version();
    }

    /** The security type used (1 None, 2 VNC Authentication). */
    public int securityType() {
        return handshake.securityType();
    }

    @Override
    public Framebuffer framebuffer() {
        return fb;
    }

    @Override
    public CursorShape cursor() {
        return decoder.cursor();
    }

    public String desktopName() {
        String n = decoder.desktopName();
        return n.isEmpty() ? handshake.serverInit().name() : n;
    }

    public DecodeStats decodeStats() {
        return decoder.stats();
    }

    public ConnectionStats stats() {
        stats.bytes(in.bytesReceived());
        return stats.snapshot();
    }

    @Override
    public void addScreenListener(RemoteScreenListener l) {
        listeners.add(l);
    }

    @Override
    public void removeScreenListener(RemoteScreenListener l) {
        listeners.remove(l);
    }

    /** Asks for an update of the whole screen. */
    public void requestUpdate(boolean incremental) {
        send(new ClientMessage.FramebufferUpdateRequest(incremental, 0, 0, fb.width(), fb.height()));
    }

    /**
     * Advertises a new JPEG quality (0-9, TigerVNC's levels) or none (-1, lossless only) for the rest of the
     * connection, and asks for the whole screen so that it is redrawn at once in the new quality. Servers that speak
     * Tight then send photographic areas as JPEG; text and flat areas stay exact. Returns at once (queued).
     */
    public void setJpegQuality(int quality) {
        if (quality < -1 || quality > 9) {
            throw new IllegalArgumentException("JPEG quality must be 0-9, or -1 for none (found " + quality + ")");
        }
        send(new ClientMessage.SetEncodings(config.withJpegQuality(quality).advertisedEncodings()));
        requestUpdate(false);
    }

    /** Switches pixel format between two updates (applied by the reader thread after the current update). */
    public void setPixelFormat(PixelFormat pf) throws RfbException {
        pendingFormat = pf.validate("client pixel format");
    }

    @Override
    public void pointer(int buttonMask, int x, int y) {
        int cx = Math.max(0, Math.min(fb.width() - 1, x));
        int cy = Math.max(0, Math.min(fb.height() - 1, y));
        send(new ClientMessage.PointerEvent(buttonMask & 0xFF, cx, cy));
    }

    @Override
    public void key(boolean down, int keysym) {
        send(new ClientMessage.KeyEvent(down, keysym));
    }

    @Override
    public void cutText(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (b.length > config.limits().maxCutTextBytes()) {
            text = new String(b, 0, config.limits().maxCutTextBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        send(new ClientMessage.ClientCutText(text));
    }

    /**
     * Queues any client message for the writer thread and returns at once (never blocks the caller, e.g. the EDT).
     * If the server stops reading and the queue fills, the connection ends with {@link ConnectionEnd.Kind#IO_ERROR}.
     */
    public void send(ClientMessage m) {
        if (closed.get()) {
            return;
        }
        if (!outgoing.offer(ClientMessageWriter.encode(m))) {
            finish(new ConnectionEnd(ConnectionEnd.Kind.IO_ERROR, "the server stopped reading input"));
        }
    }

    private void writeLoop() {
        try {
            while (!closed.get()) {
                byte[] b = outgoing.poll(200, TimeUnit.MILLISECONDS);
                if (b == null) {
                    continue;
                }
                boolean last = b == CLOSE;
                out.write(b);
                for (byte[] more = last ? null : outgoing.poll(); more != null; more = outgoing.poll()) {
                    if (more == CLOSE) {
                        last = true;
                        break;
                    }
                    out.write(more);
                }
                out.flush();
                if (last) {
                    drained.countDown();
                    return;
                }
            }
        } catch (IOException e) {
            finish(new ConnectionEnd(ConnectionEnd.Kind.IO_ERROR, "sending failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the connection has ended; true if it did within the timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the connection ended, or null while it runs. */
    public ConnectionEnd end() {
        return end;
    }

    /**
     * Sends what is still queued (waiting at most a second), then closes both streams; the connection ends with
     * {@link ConnectionEnd.Kind#CLOSED_LOCALLY}.
     */
    @Override
    public void close() {
        if (!closed.get() && writer.isAlive() && outgoing.offer(CLOSE)) {
            try {
                drained.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        finish(new ConnectionEnd(ConnectionEnd.Kind.CLOSED_LOCALLY, "closed"));
    }

    private void finish(ConnectionEnd why) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        end = why;
        try {
            rawIn.close();
        } catch (IOException ignored) {
            // Closing is best effort.
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // Closing is best effort.
        }
        if (why.kind() != ConnectionEnd.Kind.CLOSED_LOCALLY) {
            log.info("RFB connection ended: {}", why.message());
        }
        try {
            clientListener.connectionEnded(why);
        } finally {
            ended.countDown();
        }
    }

    private void readLoop() {
        try {
            while (!closed.get()) {
                decoder.step(in);
            }
        } catch (RfbException e) {
            finish(new ConnectionEnd(ConnectionEnd.Kind.PROTOCOL_ERROR, e.getMessage()));
        } catch (EOFException e) {
            finish(new ConnectionEnd(ConnectionEnd.Kind.CLOSED_BY_SERVER, "the server closed the connection"));
        } catch (IOException e) {
            finish(new ConnectionEnd(ConnectionEnd.Kind.IO_ERROR, String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            log.warn("RFB decoder failed", e);
            finish(new ConnectionEnd(ConnectionEnd.Kind.PROTOCOL_ERROR, "decoder failed: " + e));
        }
    }

    private void afterUpdate() {
        stats.update(in.bytesReceived());
        PixelFormat pf = pendingFormat;
        if (pf != null) {
            pendingFormat = null;
            send(new ClientMessage.SetPixelFormat(pf));
            decoder.setPixelFormat(pf);
            requestUpdate(false);
        } else if (config.autoRequest()) {
            requestUpdate(true);
        }
        long now = config.clock().millis();
        if (serverFence && probeSentAt < 0 && now - lastProbeAt >= PROBE_INTERVAL_MS) {
            probeSentAt = now;
            lastProbeAt = now;
            send(new ClientMessage.ClientFence(
                    FENCE_REQUEST, ByteBuffer.allocate(8).putLong(now).array()));
        }
    }

    private final class Sink implements ServerEventSink {
        @Override
        public void damaged(int x, int y, int w, int h) {
            for (RemoteScreenListener l : listeners) {
                l.damaged(x, y, w, h);
            }
        }

        @Override
        public void updateEnd() {
            for (RemoteScreenListener l : listeners) {
                l.updateCompleted();
            }
            afterUpdate();
        }

        @Override
        public void desktopResized(int width, int height) {
            for (RemoteScreenListener l : listeners) {
                l.resized(width, height);
            }
        }

        @Override
        public void cursorChanged(CursorShape cursor) {
            for (RemoteScreenListener l : listeners) {
                l.cursorChanged(cursor);
            }
        }

        @Override
        public void desktopName(String name) {
            clientListener.desktopNameChanged(name);
        }

        @Override
        public void bell() {
            clientListener.bell();
        }

        @Override
        public void serverCutText(String text) {
            clientListener.serverCutText(text);
        }

        @Override
        public void serverFence(int flags, byte[] payload) {
            serverFence = true;
            if ((flags & FENCE_REQUEST) != 0) {
                send(new ClientMessage.ClientFence(flags & FENCE_FLAGS_SUPPORTED, payload));
            } else if (probeSentAt >= 0 && payload.length == 8) {
                stats.roundTrip(Math.max(
                        0, config.clock().millis() - ByteBuffer.wrap(payload).getLong()));
                probeSentAt = -1;
            }
        }
    }
}
