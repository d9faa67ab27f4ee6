package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.Rect;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.StreamInput;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.rfb.message.ClientMessageReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of an {@link RfbServer}. A reader thread runs the handshake and parses client messages; an updater
 * thread sends framebuffer updates when the client asked for them (or enabled continuous updates) and there is
 * damage, at most {@link RfbServerConfig#maxFramesPerSecond()} times a second. A malformed client message ends the
 * session with a message naming it; the server itself keeps running. Thread-safe.
 */
public final class RfbServerSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RfbServerSession.class);
    private static final int FENCE_REQUEST = 0x80000000;
    private static final List<Integer> PIXEL_ENCODINGS =
            List.of(Encodings.RAW, Encodings.RRE, Encodings.HEXTILE, Encodings.ZRLE, Encodings.TIGHT);

    private final ScreenSource source;
    private final RfbServerConfig config;
    private final InputStream in;
    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread reader;
    private Thread updater;
    private final Listener screenListener = new Listener();
    private volatile String endReason;

    // Guarded by lock.
    private boolean closed;
    private PixelConverter pc = new PixelConverter(PixelFormat.RGB888_LE);
    private int encoding = Encodings.RAW;
    private boolean copyRect;
    private boolean desktopSize;
    private boolean extendedDesktopSize;
    private boolean cursorShape;
    private boolean fence;
    private boolean continuousSupported;
    private int compressLevel = 2;
    private boolean requested;
    private boolean continuous;
    private Rect area = new Rect(0, 0, 0, 0);
    private final DirtyRegion dirty = new DirtyRegion();
    private int[] move; // srcX, srcY, w, h, dstX, dstY
    private boolean resizePending;
    private boolean cursorPending;
    private int resizeReplyStatus = -1;
    private boolean endOfContinuousPending;
    private int width;
    private int height;
    private int clientWidth; // the size the client knows: a resize it cannot be told about keeps the old one
    private int clientHeight;
    private long nextAllowedMillis;

    // Updater thread only.
    private final WireBuffer wire = new WireBuffer();
    private final RawEncoder raw = new RawEncoder();
    private final RreEncoder rre = new RreEncoder();
    private final HextileEncoder hextile = new HextileEncoder();
    private ZrleEncoder zrle;
    private TightEncoder tight;
    private int[] pixels = new int[64 * 64];

    RfbServerSession(ScreenSource source, RfbServerConfig config, InputStream in, OutputStream out) {
        this.source = source;
        this.config = config;
        this.in = in;
        this.out = out;
        this.reader = new Thread(this::readLoop, "rfb-server-reader");
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    /** Waits for the session to end; true if it did within the timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isOpen() {
        return ended.getCount() > 0;
    }

    /** Why the session ended, or null while it runs. */
    public String endReason() {
        return endReason;
    }

    @Override
    public void close() {
        end("closed by server");
    }

    private void end(String reason) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        endReason = reason;
        source.removeListener(screenListener);
        try {
            in.close();
        } catch (IOException ignored) {
            // Best effort.
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // Best effort.
        }
        if (zrle != null) {
            zrle.end();
        }
        if (tight != null) {
            tight.end();
        }
        try {
            config.listener().sessionEnded(reason);
        } finally {
            ended.countDown();
        }
    }

    // ---- reader ----

    private void readLoop() {
        try {
            StreamInput sin = new StreamInput(in, 4096);
            lock.lock();
            try {
                width = source.width();
                height = source.height();
                clientWidth = width;
                clientHeight = height;
            } finally {
                lock.unlock();
            }
            ServerHandshake.Result hs = ServerHandshake.run(
                    sin,
                    out,
                    config.version(),
                    config.password(),
                    width,
                    height,
                    PixelFormat.RGB888_LE,
                    config.desktopName());
            config.listener().clientConnected(hs.version(), hs.shared());
            source.addListener(screenListener);
            synchronized (this) {
                updater = new Thread(this::updateLoop, "rfb-server-updater");
                updater.setDaemon(true);
                updater.start();
            }
            ClientMessageReader messages = new ClientMessageReader(config.limits(), this::onMessage);
            byte[] rest = sin.takeBuffered();
            messages.feed(rest, 0, rest.length);
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                messages.feed(buf, 0, n);
            }
            end("client closed the connection");
        } catch (RfbException e) {
            log.info("RFB session ended: {}", e.getMessage());
            end(e.getMessage());
        } catch (EOFException e) {
            end("client closed the connection");
        } catch (IOException e) {
            end("I/O error: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("RFB session failed", e);
            end("internal error: " + e);
        }
    }

    private void onMessage(ClientMessage m) {
        if (m instanceof ClientMessage.PointerEvent p) {
            source.pointer(p.buttonMask(), p.x(), p.y());
        } else if (m instanceof ClientMessage.KeyEvent k) {
            source.key(k.down(), k.keysym());
        } else if (m instanceof ClientMessage.QemuKeyEvent q) {
            source.key(q.down(), q.keysym());
        } else if (m instanceof ClientMessage.ClientCutText c) {
            if (!c.isExtended()) {
                source.cutText(c.text());
            }
        } else if (m instanceof ClientMessage.ClientFence f) {
            if ((f.flags() & FENCE_REQUEST) != 0) {
                sendFence(f.flags() & 7, f.payload());
            }
        } else {
            state(m);
        }
        config.listener().clientMessage(m);
    }

    private void state(ClientMessage m) {
        boolean announceFence = false;
        lock.lock();
        try {
            if (m instanceof ClientMessage.SetPixelFormat s) {
                pc = new PixelConverter(s.pixelFormat());
            } else if (m instanceof ClientMessage.SetEncodings s) {
                encoding = Encodings.RAW;
                for (int e : s.encodings()) {
                    if (PIXEL_ENCODINGS.contains(e)) {
                        encoding = e;
                        break;
                    }
                }
                copyRect = s.encodings().contains(Encodings.COPY_RECT);
                desktopSize = s.encodings().contains(Encodings.DESKTOP_SIZE);
                extendedDesktopSize = s.encodings().contains(Encodings.EXTENDED_DESKTOP_SIZE);
                boolean cursor = s.encodings().contains(Encodings.CURSOR);
                cursorPending |= cursor && !cursorShape && source.cursor() != null;
                cursorShape = cursor;
                boolean f = s.encodings().contains(Encodings.FENCE);
                announceFence = f && !fence;
                fence = f;
                boolean cu = s.encodings().contains(Encodings.CONTINUOUS_UPDATES);
                endOfContinuousPending |= cu && !continuousSupported;
                continuousSupported = cu;
                for (int e : s.encodings()) {
                    if (e >= Encodings.COMPRESS_LEVEL_0 && e <= Encodings.COMPRESS_LEVEL_0 + 9) {
                        compressLevel = e - Encodings.COMPRESS_LEVEL_0;
                    }
                }
            } else if (m instanceof ClientMessage.FramebufferUpdateRequest r) {
                requested = true;
                area = new Rect(r.x(), r.y(), r.width(), r.height()).intersect(new Rect(0, 0, width, height));
                if (!r.incremental()) {
                    dirty.add(area);
                }
            } else if (m instanceof ClientMessage.EnableContinuousUpdates e) {
                if (e.enable()) {
                    continuous = true;
                    area = new Rect(e.x(), e.y(), e.width(), e.height()).intersect(new Rect(0, 0, width, height));
                } else {
                    continuous = false;
                    endOfContinuousPending = true;
                }
            } else if (m instanceof ClientMessage.SetDesktopSize d) {
                if (extendedDesktopSize) {
                    resizeReplyStatus = d.width() == width && d.height() == height ? 0 : 1;
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (announceFence) {
            sendFence(FENCE_REQUEST, new byte[0]);
        }
    }

    private void sendFence(int flags, byte[] payload) {
        byte[] b = new byte[9 + payload.length];
        b[0] = (byte) 248;
        b[4] = (byte) (flags >>> 24);
        b[5] = (byte) (flags >>> 16);
        b[6] = (byte) (flags >>> 8);
        b[7] = (byte) flags;
        b[8] = (byte) payload.length;
        System.arraycopy(payload, 0, b, 9, payload.length);
        try {
            synchronized (out) {
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            end("I/O error: " + e.getMessage());
        }
    }

    // ---- updater ----

    private record Work(
            PixelConverter pc,
            int encoding,
            boolean copyRect,
            int compressLevel,
            int[] move,
            boolean resize,
            boolean extended,
            int resizeReply,
            CursorShape cursor,
            List<Rect> rects,
            boolean endOfContinuous,
            int width,
            int height) {}

    private boolean hasWork() {
        return resizePending || cursorPending || move != null || resizeReplyStatus >= 0 || !dirty.isEmptyWithin(area);
    }

    private void updateLoop() {
        try {
            while (true) {
                Work w;
                lock.lock();
                try {
                    while (true) {
                        if (closed) {
                            return;
                        }
                        boolean ready = ((requested || continuous) && hasWork()) || endOfContinuousPending;
                        if (ready) {
                            long wait = nextAllowedMillis - config.clock().millis();
                            if (wait <= 0) {
                                break;
                            }
                            changed.await(wait, TimeUnit.MILLISECONDS);
                        } else {
                            changed.await();
                        }
                    }
                    w = takeWork();
                } finally {
                    lock.unlock();
                }
                send(w);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end("interrupted");
        } catch (IOException e) {
            end("I/O error: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("RFB update failed", e);
            end("internal error: " + e);
        }
    }

    private Work takeWork() {
        boolean sendUpdate = (requested || continuous) && hasWork();
        boolean eoc = endOfContinuousPending;
        endOfContinuousPending = false;
        if (!sendUpdate) {
            return new Work(
                    pc, encoding, copyRect, compressLevel, null, false, false, -1, null, List.of(), eoc, width, height);
        }
        boolean resize = resizePending && (desktopSize || extendedDesktopSize);
        resizePending = false;
        if (resize) {
            clientWidth = width;
            clientHeight = height;
        }
        CursorShape cursor = cursorPending && cursorShape ? source.cursor() : null;
        cursorPending = false;
        int[] mv = move;
        move = null;
        int reply = resizeReplyStatus;
        resizeReplyStatus = -1;
        List<Rect> rects = new java.util.ArrayList<>();
        Rect known = new Rect(0, 0, clientWidth, clientHeight);
        for (Rect r : dirty.take(area)) {
            Rect clipped = r.intersect(known);
            if (!clipped.isEmpty()) {
                rects.add(clipped);
            }
        }
        if (!continuous) {
            requested = false;
        }
        nextAllowedMillis = config.clock().millis() + 1000L / config.maxFramesPerSecond();
        return new Work(
                pc,
                encoding,
                copyRect,
                compressLevel,
                mv,
                resize,
                extendedDesktopSize,
                reply,
                cursor,
                rects,
                eoc,
                width,
                height);
    }

    private void send(Work w) throws IOException {
        wire.clear();
        if (w.endOfContinuous()) {
            wire.u8(150);
        }
        boolean any = w.resize()
                || w.resizeReply() >= 0
                || w.cursor() != null
                || w.move() != null
                || !w.rects().isEmpty();
        if (any) {
            wire.u8(0);
            wire.u8(0);
            int countAt = wire.reserve(2);
            int count = 0;
            if (w.resize() || w.resizeReply() >= 0) {
                if (w.extended()) {
                    int reason = w.resize() ? 0 : 1;
                    int status = w.resize() ? 0 : w.resizeReply();
                    wire.rectHeader(reason, status, w.width(), w.height(), Encodings.EXTENDED_DESKTOP_SIZE);
                    wire.u8(1);
                    wire.u8(0);
                    wire.u16(0);
                    wire.s32(0);
                    wire.u16(0);
                    wire.u16(0);
                    wire.u16(w.width());
                    wire.u16(w.height());
                    wire.s32(0);
                } else {
                    wire.rectHeader(0, 0, w.width(), w.height(), Encodings.DESKTOP_SIZE);
                }
                count++;
            }
            if (w.cursor() != null) {
                cursorRect(w.pc(), w.cursor());
                count++;
            }
            if (w.move() != null) {
                int[] m = w.move();
                wire.rectHeader(m[4], m[5], m[2], m[3], Encodings.COPY_RECT);
                wire.u16(m[0]);
                wire.u16(m[1]);
                count++;
            }
            RectEncoder enc = encoder(w.encoding(), w.compressLevel());
            for (Rect r : w.rects()) {
                int n = r.width() * r.height();
                if (pixels.length < n) {
                    pixels = new int[n];
                }
                source.readPixels(r.x(), r.y(), r.width(), r.height(), pixels, 0, r.width());
                count += enc.encode(wire, w.pc(), pixels, r.x(), r.y(), r.width(), r.height());
            }
            wire.putU16(countAt, count);
        }
        synchronized (out) {
            out.write(wire.array(), 0, wire.length());
            out.flush();
        }
    }

    private RectEncoder encoder(int enc, int level) {
        switch (enc) {
            case Encodings.RRE:
                return rre;
            case Encodings.HEXTILE:
                return hextile;
            case Encodings.ZRLE:
                if (zrle == null) {
                    zrle = new ZrleEncoder(level);
                }
                return zrle;
            case Encodings.TIGHT:
                if (tight == null) {
                    // The gradient filter pays off on photographic content at the higher compression levels.
                    tight = new TightEncoder(level, level >= 8);
                }
                return tight;
            default:
                return raw;
        }
    }

    private void cursorRect(PixelConverter pc, CursorShape c) {
        wire.rectHeader(c.hotX(), c.hotY(), c.width(), c.height(), Encodings.CURSOR);
        if (c.isEmpty()) {
            return;
        }
        int at = wire.reserve(c.width() * c.height() * pc.bytesPerPixel());
        pc.encode(c.argb(), 0, wire.array(), at, c.width() * c.height());
        int rowBytes = (c.width() + 7) / 8;
        int maskAt = wire.reserve(rowBytes * c.height());
        byte[] b = wire.array();
        for (int r = 0; r < c.height(); r++) {
            for (int i = 0; i < c.width(); i++) {
                if ((c.argb()[r * c.width() + i] >>> 24) >= 0x80) {
                    b[maskAt + r * rowBytes + (i >> 3)] |= (byte) (0x80 >> (i & 7));
                } else {
                    b[maskAt + r * rowBytes + (i >> 3)] &= (byte) ~(0x80 >> (i & 7));
                }
            }
        }
    }

    private final class Listener implements ScreenListener {
        @Override
        public void damaged(int x, int y, int w, int h) {
            lock.lock();
            try {
                dirty.add(new Rect(x, y, w, h).intersect(new Rect(0, 0, width, height)));
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void moved(int srcX, int srcY, int w, int h, int dstX, int dstY) {
            lock.lock();
            try {
                Rect src = new Rect(srcX, srcY, w, h);
                Rect dst = new Rect(dstX, dstY, w, h);
                Rect screen = new Rect(0, 0, width, height);
                boolean inside = src.intersect(screen).equals(src)
                        && dst.intersect(screen).equals(dst);
                if (copyRect && move == null && inside && !dirty.intersects(src)) {
                    move = new int[] {srcX, srcY, w, h, dstX, dstY};
                } else {
                    dirty.add(dst.intersect(screen));
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void resized(int w, int h) {
            lock.lock();
            try {
                width = w;
                height = h;
                resizePending = true;
                move = null;
                dirty.clear();
                dirty.add(new Rect(0, 0, w, h));
                area = new Rect(0, 0, w, h);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void cursorChanged() {
            lock.lock();
            try {
                cursorPending = cursorShape;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
