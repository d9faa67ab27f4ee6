package dev.fieldlink.viewer.client;

import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.RfbException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Headless "connect, get one complete frame, return it". A frame is complete when decoded rectangles have covered
 * every pixel since the first full update request, at the end of an update. Stateless; each call opens its own
 * connection.
 */
public final class RfbSnapshot {
    private RfbSnapshot() {}

    /** Connects over the given streams and returns the first complete frame; closes the client afterwards. */
    public static BufferedImage capture(InputStream in, OutputStream out, RfbClientConfig config, Duration timeout)
            throws IOException {
        CompletableFuture<BufferedImage> frame = new CompletableFuture<>();
        Coverage coverage = new Coverage(frame);
        RfbClient client = RfbClient.connect(in, out, config.withAutoRequest(true), coverage);
        try {
            return frame.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no complete frame within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a frame");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            client.close();
        }
    }

    /** Connects to {@code host:port} over TCP and returns the first complete frame. */
    public static BufferedImage capture(String host, int port, RfbClientConfig config, Duration timeout)
            throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            s.setTcpNoDelay(true);
            return capture(s.getInputStream(), s.getOutputStream(), config, timeout);
        }
    }

    /** Copies a framebuffer into a new opaque image. */
    public static BufferedImage toImage(Framebuffer fb) {
        BufferedImage img = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, fb.width(), fb.height(), fb.copy(), 0, fb.width());
        return img;
    }

    private static final class Coverage implements RfbClientListener {
        private final CompletableFuture<BufferedImage> frame;
        private volatile Framebuffer fb;
        private BitSet covered = new BitSet();
        private int width;
        private int height;

        Coverage(CompletableFuture<BufferedImage> frame) {
            this.frame = frame;
        }

        @Override
        public void started(RfbClient client) {
            this.fb = client.framebuffer();
        }

        @Override
        public void resized(int w, int h) {
            covered = new BitSet();
            width = w;
            height = h;
        }

        @Override
        public void damaged(int x, int y, int w, int h) {
            Framebuffer f = fb;
            if (f == null) {
                return;
            }
            width = f.width();
            height = f.height();
            for (int r = y; r < y + h; r++) {
                covered.set(r * width + x, r * width + x + w);
            }
        }

        @Override
        public void updateCompleted() {
            Framebuffer f = fb;
            if (f != null && width > 0 && covered.nextClearBit(0) >= width * height) {
                frame.complete(toImage(f));
            }
        }

        @Override
        public void connectionEnded(ConnectionEnd end) {
            frame.completeExceptionally(
                    end.kind() == ConnectionEnd.Kind.PROTOCOL_ERROR
                            ? RfbException.protocol(end.message())
                            : new IOException("connection ended before a complete frame: " + end.message()));
        }
    }
}
