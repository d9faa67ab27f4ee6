package dev.fieldlink.console.screen;

import dev.fieldlink.testing.MutableClock;
import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.recording.RecorderOptions;
import dev.fieldlink.viewer.recording.SessionRecorder;
import dev.fieldlink.viewer.rfb.Rect;
import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a real recording with session-viewer's {@link SessionRecorder}: a live RFB session between
 * {@link RfbServer} and {@link RfbClient} on loopback, both directions recorded as they pass, on a clock the fixture
 * moves. Step {@code i} happens at {@code i * STEP} of recording time and fills a marker square at (40, 200) with
 * {@link #colour(int)}, so the frame at time t shows the colour of step {@code t / STEP}.
 */
public final class TestRecordings {
    public static final Duration STEP = Duration.ofMillis(2500);
    public static final int MARKER_X = 60;
    public static final int MARKER_Y = 230;

    private TestRecordings() {}

    /** Step {@code i}'s marker colour. */
    public static int colour(int step) {
        int[] colours = {0xC62828, 0x1565C0, 0x2E7D32, 0x6A1B9A, 0xEF6C00, 0x00838F, 0x4E342E};
        return colours[step % colours.length];
    }

    /**
     * Records {@code steps} steps (the last at {@code (steps - 1) * STEP}) and returns the frames the live client
     * showed after each step.
     */
    public static List<BufferedImage> write(Path file, int steps) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T07:30:00Z");
        BufferedImageScreenSource source =
                new BufferedImageScreenSource(TestScreen.hmi(800, 500, "Speedmaster XL 106", "E42"));
        RfbServer server = new RfbServer(source, RfbServerConfig.defaults("rec").withMaxFramesPerSecond(1000));
        List<BufferedImage> frames = new ArrayList<>();
        try (ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                OutputStream out = Files.newOutputStream(file)) {
            SessionRecorder recorder = new SessionRecorder(
                    out, "h1", clock, RecorderOptions.defaults().withKeyframeInterval(Duration.ofSeconds(5)));
            Thread accept = new Thread(
                    () -> {
                        try {
                            Socket s = listen.accept();
                            server.serve(s.getInputStream(), s.getOutputStream());
                        } catch (IOException e) {
                            // the client's connect fails and says so
                        }
                    },
                    "recording-accept");
            accept.setDaemon(true);
            accept.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listen.getLocalPort())) {
                RfbClient client = RfbClient.connect(
                        new Tap(s.getInputStream(), recorder),
                        new Tee(s.getOutputStream(), recorder),
                        RfbClientConfig.defaults().withClock(clock),
                        null);
                for (int step = 0; step < steps; step++) {
                    int c = colour(step);
                    source.paint(
                            g -> {
                                g.setColor(new Color(c));
                                g.fillRect(MARKER_X - 20, MARKER_Y - 20, 40, 40);
                            },
                            new Rect(MARKER_X - 20, MARKER_Y - 20, 40, 40));
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while ((client.framebuffer().get(MARKER_X, MARKER_Y) & 0xFFFFFF) != c) {
                        if (System.nanoTime() > deadline) {
                            throw new AssertionError("the live client did not show step " + step);
                        }
                        Thread.sleep(2);
                    }
                    BufferedImage frame = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
                    frame.setRGB(0, 0, 800, 500, client.framebuffer().copy(), 0, 800);
                    frames.add(frame);
                    if (step < steps - 1) {
                        clock.advance(STEP);
                    }
                }
                client.close();
            }
            recorder.close("technician ended");
        }
        return frames;
    }

    /** Records what the client reads (server to client). */
    private static final class Tap extends FilterInputStream {
        private final SessionRecorder recorder;

        Tap(InputStream in, SessionRecorder recorder) {
            super(in);
            this.recorder = recorder;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                recorder.serverToClient(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                recorder.serverToClient(b, off, n);
            }
            return n;
        }
    }

    /** Records what the client writes (client to server). */
    private static final class Tee extends FilterOutputStream {
        private final SessionRecorder recorder;

        Tee(OutputStream out, SessionRecorder recorder) {
            super(out);
            this.recorder = recorder;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            recorder.clientToServer(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            recorder.clientToServer(b, off, len);
        }
    }
}
