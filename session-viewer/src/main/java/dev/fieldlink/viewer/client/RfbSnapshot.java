package dev.fieldlink.viewer.client;

import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.RfbException;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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

    /**
     * Connects over the given streams and returns the first complete frame; closes the client afterwards. The
     * timeout covers everything, the handshake included: when a peer never answers, the streams are closed once it
     * passes.
     *
     * @throws SocketTimeoutException when the timeout passes before the handshake is done or a frame is complete
     * @throws IOException when the connection fails or ends first
     */
    public static BufferedImage capture(InputStream in, OutputStream out, RfbClientConfig config, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<BufferedImage> frame = new CompletableFuture<>();
        Coverage coverage = new Coverage(frame);
        RfbClient client = connectWithin(in, out, config.withAutoRequest(true), coverage, timeout);
        try {
            return frame.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new SocketTimeoutException("no complete frame within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a frame");
        } catch (ExecutionException e) {
            throw asIoException(e);
        } finally {
            client.close();
        }
    }

    /**
     * Runs the handshake on its own thread, because a stream read cannot be given a deadline: when the timeout passes
     * first, closing the streams ends the blocked read, and a client that connects late is closed at once.
     */
    private static RfbClient connectWithin(
            InputStream in, OutputStream out, RfbClientConfig config, RfbClientListener listener, Duration timeout)
            throws IOException {
        CompletableFuture<RfbClient> connecting = new CompletableFuture<>();
        Thread handshake = new Thread(
                () -> {
                    try {
                        connecting.complete(RfbClient.connect(in, out, config, listener));
                    } catch (IOException | RuntimeException e) {
                        connecting.completeExceptionally(e);
                    }
                },
                "rfb-snapshot-handshake");
        handshake.setDaemon(true);
        handshake.start();
        try {
            return connecting.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            closeQuietly(in);
            closeQuietly(out);
            connecting.thenAccept(RfbClient::close);
            throw new SocketTimeoutException(
                    "no RFB handshake within " + timeout.toMillis() + " ms: the server did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(in);
            closeQuietly(out);
            connecting.thenAccept(RfbClient::close);
            throw new InterruptedIOException("interrupted during the RFB handshake");
        } catch (ExecutionException e) {
            throw asIoException(e);
        }
    }

    private static IOException asIoException(ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
            return io;
        }
        if (e.getCause() instanceof RuntimeException re) {
            throw re;
        }
        return new IOException(e.getCause());
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // The streams are being abandoned; a failure to close them changes nothing for the caller.
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
