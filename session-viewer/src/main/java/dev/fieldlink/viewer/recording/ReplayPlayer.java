package dev.fieldlink.viewer.recording;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.RemoteScreen;
import dev.fieldlink.viewer.rfb.RemoteScreenListener;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbLimits;
import dev.fieldlink.viewer.rfb.ServerInit;
import dev.fieldlink.viewer.rfb.decode.ServerEventSink;
import dev.fieldlink.viewer.tap.RfbStreamTap;
import dev.fieldlink.viewer.tap.TapListener;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * Plays a recording through the same decoders as the live viewer, into a {@link Framebuffer} a view can show.
 * Seeking restores the nearest keyframe at or before the target and decodes forward from there; playing advances at
 * 1x to 16x of recorded time, measured by the injected clock, on a daemon thread (or by calling {@link #tick()}).
 *
 * <p>Thread-safety: all public methods are synchronized; listeners are called on the thread that seeks or ticks.
 */
public final class ReplayPlayer implements RemoteScreen, AutoCloseable {
    public static final double MIN_SPEED = 1;
    public static final double MAX_SPEED = 16;

    private final RecordingReader reader;
    private final Clock clock;
    private final RfbLimits limits;
    private final Framebuffer fb;
    private final List<RemoteScreenListener> listeners = new CopyOnWriteArrayList<>();
    private final Sink sink = new Sink();
    private RfbStreamTap tap;
    private int next; // index of the next entry to apply
    private int lastKey = -1; // the newest keyframe restored or passed
    private long serverFrom;
    private long clientFrom;
    private long position = -1;
    private RfbException error;
    private boolean playing;
    private double speed = 1;
    private long mediaBase;
    private long wallBase;
    private Thread player;
    private boolean closed;

    private ReplayPlayer(RecordingReader reader, Clock clock, RfbLimits limits) {
        this.reader = reader;
        this.clock = clock;
        this.limits = limits;
        RecordingHeader h = reader.header();
        this.fb = new Framebuffer(Math.max(1, h.width()), Math.max(1, h.height()));
    }

    /** Opens a recording for replay, positioned before its first record. */
    public static ReplayPlayer open(Path file, Clock clock) throws IOException {
        return new ReplayPlayer(RecordingReader.open(file), clock, RfbLimits.DEFAULT);
    }

    public synchronized RecordingReader recording() {
        return reader;
    }

    public synchronized Duration duration() {
        return reader.duration();
    }

    /** The time the framebuffer shows. */
    public synchronized Duration position() {
        return Duration.ofMillis(Math.max(0, position));
    }

    /** The decoding error that stopped the replay early, or null. */
    public synchronized RfbException error() {
        return error;
    }

    @Override
    public Framebuffer framebuffer() {
        return fb;
    }

    @Override
    public synchronized CursorShape cursor() {
        return tap != null && tap.decoder() != null ? tap.decoder().cursor() : CursorShape.EMPTY;
    }

    @Override
    public void addScreenListener(RemoteScreenListener l) {
        listeners.add(l);
    }

    @Override
    public void removeScreenListener(RemoteScreenListener l) {
        listeners.remove(l);
    }

    /** Shows the recording as it was at {@code t} (clamped to 0..duration). */
    public synchronized void seek(Duration t) throws IOException {
        long target = Math.max(0, Math.min(t.toMillis(), duration().toMillis()));
        int key = keyframeAtOrBefore(target);
        boolean jump = tap == null || target < position || key > lastKey;
        if (jump) {
            restore(key);
        }
        List<RecordingReader.Entry> entries = reader.entries();
        while (next < entries.size() && entries.get(next).timeMillis() <= target) {
            apply(next, entries.get(next));
            next++;
        }
        if (error == null && tap != null) {
            try {
                tap.flush();
            } catch (RfbException e) {
                error = e;
            }
        }
        position = target;
        for (RemoteScreenListener l : listeners) {
            l.updateCompleted();
        }
    }

    /** The frame at {@code t} as a new image. */
    public synchronized BufferedImage frameAt(Duration t) throws IOException {
        seek(t);
        return image();
    }

    /** The current frame as a new image. */
    public synchronized BufferedImage image() {
        BufferedImage img = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, fb.width(), fb.height(), fb.copy(), 0, fb.width());
        return img;
    }

    /** Writes the frame at {@code t} as PNG. */
    public synchronized void exportPng(Duration t, Path file) throws IOException {
        ImageIO.write(frameAt(t), "png", file.toFile());
    }

    /**
     * Writes the frames every {@code every} from 0 to the end into {@code dir} as PNG and returns the files. They are
     * named by recording time so that they sort: {@code frame-00005s.png}, or {@code frame-00000500ms.png} when the
     * interval is not whole seconds.
     */
    public synchronized List<Path> exportFrames(Path dir, Duration every) throws IOException {
        if (every.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms: " + every);
        }
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        long end = duration().toMillis();
        long step = every.toMillis();
        boolean seconds = step % 1000 == 0;
        for (long t = 0; t <= end; t += step) {
            String name = seconds
                    ? String.format(Locale.ROOT, "frame-%05ds.png", t / 1000)
                    : String.format(Locale.ROOT, "frame-%08dms.png", t);
            Path f = dir.resolve(name);
            exportPng(Duration.ofMillis(t), f);
            files.add(f);
        }
        return files;
    }

    // ---- playing ----

    public synchronized void play() {
        if (playing) {
            return;
        }
        if (position >= duration().toMillis()) {
            position = 0;
        }
        playing = true;
        mediaBase = Math.max(0, position);
        wallBase = clock.millis();
        if (player == null) {
            player = new Thread(this::run, "replay-player");
            player.setDaemon(true);
            player.start();
        }
        notifyAll();
    }

    public synchronized void pause() {
        playing = false;
    }

    public synchronized boolean playing() {
        return playing;
    }

    public synchronized double speed() {
        return speed;
    }

    /** Sets the speed, clamped to 1x..16x, keeping the current position. */
    public synchronized void setSpeed(double s) {
        long now = clock.millis();
        mediaBase = currentMediaTime(now);
        wallBase = now;
        speed = Math.max(MIN_SPEED, Math.min(MAX_SPEED, s));
    }

    private long currentMediaTime(long now) {
        return playing ? mediaBase + (long) ((now - wallBase) * speed) : Math.max(0, position);
    }

    /** Advances playback to the media time the clock says; pauses at the end. */
    public synchronized void tick() throws IOException {
        if (!playing) {
            return;
        }
        long target = currentMediaTime(clock.millis());
        long end = duration().toMillis();
        if (target >= end) {
            target = end;
            playing = false;
        }
        seek(Duration.ofMillis(target));
    }

    private void run() {
        while (true) {
            synchronized (this) {
                while (!playing && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                try {
                    tick();
                } catch (IOException e) {
                    playing = false;
                }
            }
            try {
                Thread.sleep(16);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        playing = false;
        notifyAll();
        reader.close();
    }

    // ---- decoding ----

    private int keyframeAtOrBefore(long t) {
        List<RecordingReader.Entry> entries = reader.entries();
        int best = -1;
        for (int i = 0; i < entries.size() && entries.get(i).timeMillis() <= t; i++) {
            if (entries.get(i).type() == RecordingFormat.KEYFRAME) {
                best = i;
            }
        }
        return best;
    }

    private void restore(int key) throws IOException {
        error = null;
        position = -1;
        if (key < 0) {
            lastKey = -1;
            tap = new RfbStreamTap(limits, new TapListener() {}, true, sink, fb);
            next = 0;
            serverFrom = 0;
            clientFrom = 0;
            return;
        }
        RecordingReader.Entry e = reader.entries().get(key);
        RecordingFormat.Keyframe k = RecordingFormat.keyframe(reader.payload(e), limits.maxPixels());
        fb.load(k.width(), k.height(), k.pixels());
        RecordingHeader h = reader.header();
        ServerInit init = new ServerInit(k.width(), k.height(), k.state().pixelFormat(), h.desktopName());
        ProtocolVersion v = k.rfbMinorVersion() == 3
                ? ProtocolVersion.V3_3
                : k.rfbMinorVersion() == 7 ? ProtocolVersion.V3_7 : ProtocolVersion.V3_8;
        tap = RfbStreamTap.resume(
                limits, new TapListener() {}, sink, init, v, k.serverOffset(), k.clientOffset(), fb, k.state());
        serverFrom = k.serverOffset();
        clientFrom = k.clientOffset();
        // The bytes to resume from may lie in chunks written before the keyframe record.
        List<RecordingReader.Entry> entries = reader.entries();
        int start = key;
        for (int i = 0; i < key; i++) {
            RecordingReader.Entry c = entries.get(i);
            boolean needed = (c.type() == RecordingFormat.SERVER_TO_CLIENT
                            && c.streamOffset() + c.length() > serverFrom)
                    || (c.type() == RecordingFormat.CLIENT_TO_SERVER && c.streamOffset() + c.length() > clientFrom);
            if (needed) {
                start = i;
                break;
            }
        }
        lastKey = key;
        next = start;
        for (RemoteScreenListener l : listeners) {
            l.resized(k.width(), k.height());
            l.cursorChanged(k.state().cursor());
            l.damaged(0, 0, k.width(), k.height());
        }
    }

    private void apply(int index, RecordingReader.Entry e) throws IOException {
        if (e.type() == RecordingFormat.KEYFRAME) {
            lastKey = Math.max(lastKey, index);
        }
        if (error != null
                || (e.type() != RecordingFormat.SERVER_TO_CLIENT && e.type() != RecordingFormat.CLIENT_TO_SERVER)) {
            return;
        }
        boolean server = e.type() == RecordingFormat.SERVER_TO_CLIENT;
        long from = server ? serverFrom : clientFrom;
        long skip = Math.max(0, from - e.streamOffset());
        if (skip >= e.length()) {
            return;
        }
        byte[] b = reader.payload(e);
        try {
            if (server) {
                tap.serverToClient(b, (int) skip, b.length - (int) skip);
            } else {
                tap.clientToServer(b, (int) skip, b.length - (int) skip);
            }
        } catch (RfbException ex) {
            error = ex;
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
    }
}
