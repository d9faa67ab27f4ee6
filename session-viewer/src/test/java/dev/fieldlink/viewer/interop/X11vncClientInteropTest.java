package dev.fieldlink.viewer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbSnapshot;
import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.decode.DecodeStats;
import dev.fieldlink.viewer.testing.ImageDiff;
import dev.fieldlink.viewer.testing.PainterProcess;
import dev.fieldlink.viewer.testing.Peers;
import dev.fieldlink.viewer.testing.Screenshots;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our client against x11vnc (libvncserver) on an Xvfb display showing a known picture: each encoding forced on its
 * own gives exactly the X server's screenshot; Tight JPEG within {@link XvncClientInteropTest#JPEG_MEAN_TOLERANCE}.
 */
class X11vncClientInteropTest {
    static final int W = 640;
    static final int H = 480;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static Peers.XServer xvfb;
    static Process x11vnc;
    static int port;
    static PainterProcess painter;
    static BufferedImage reference;

    @BeforeAll
    static void start() throws Exception {
        xvfb = Peers.startX(dir, List.of("Xvfb", "-screen", "0", W + "x" + H + "x24", "-nolisten", "tcp"));
        Path png = TestPictures.write(TestPictures.mixed(W, H), dir.resolve("picture.png"));
        painter = PainterProcess.show(xvfb.display(), png, dir.resolve("painter.log"));
        reference = Screenshots.xwd(xvfb.display(), dir);
        port = Peers.freePort();
        x11vnc = Peers.start(
                dir.resolve("x11vnc.log"),
                List.of(
                        "x11vnc",
                        "-display",
                        xvfb.display(),
                        "-rfbport",
                        String.valueOf(port),
                        "-localhost",
                        "-nopw",
                        "-shared",
                        "-forever",
                        "-noxdamage",
                        "-norc",
                        "-quiet"),
                null);
        Peers.awaitRfb(port, TIMEOUT);
    }

    @AfterAll
    static void stop() {
        Peers.stop(x11vnc);
        if (painter != null) {
            painter.close();
        }
        if (xvfb != null) {
            xvfb.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "copyrect", "rre", "hextile", "zrle", "tight"})
    void eachLosslessEncodingAlone_givesTheServersScreenshotExactly(String name) throws Exception {
        DecodeStats[] stats = new DecodeStats[1];
        BufferedImage frame =
                capture(RfbClientConfig.defaults().withEncodings(List.of(Encodings.parse(name))), stats, 0);
        assertThat(ImageDiff.of(reference, frame).identical())
                .as("%s: %s %s", name, ImageDiff.of(reference, frame), stats[0])
                .isTrue();
        if (!name.equals("copyrect") && !name.equals("rre")) {
            String prefix = name.equals("tight") ? "Tight" : Encodings.name(Encodings.parse(name));
            assertThat(stats[0].snapshot().keySet()).as("%s", stats[0]).anyMatch(k -> k.startsWith(prefix));
        }
    }

    @Test
    void rre_isUsedForAPanelAreaWhereItBeatsRaw() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            RfbClient client = RfbClient.connect(
                    s.getInputStream(),
                    s.getOutputStream(),
                    RfbClientConfig.defaults().withEncodings(List.of(Encodings.RRE)),
                    null);
            client.pointer(0, W - 1, H - 1);
            Peers.await(
                    "the first frame",
                    TIMEOUT,
                    () -> ImageDiff.of(reference, RfbSnapshot.toImage(client.framebuffer()))
                            .identical());
            // libvncserver sends Raw when RRE would be larger, as it is for the whole mixed picture; ask for the
            // panel area alone (again if the request merged with a pending one).
            long[] sent = {0};
            Peers.await("an RRE rectangle", TIMEOUT, () -> {
                if (System.nanoTime() - sent[0] > 500_000_000L) {
                    sent[0] = System.nanoTime();
                    client.send(new dev.fieldlink.viewer.rfb.message.ClientMessage.FramebufferUpdateRequest(
                            false, 0, H / 16 + 1, W / 2, H / 2));
                }
                return client.decodeStats().get("RRE") > 0;
            });
            assertThat(ImageDiff.of(reference, RfbSnapshot.toImage(client.framebuffer()))
                            .identical())
                    .isTrue();
            client.close();
        }
    }

    @Test
    void tightJpeg_isWithinTolerance() throws Exception {
        DecodeStats[] stats = new DecodeStats[1];
        BufferedImage frame = capture(
                RfbClientConfig.defaults()
                        .withEncodings(List.of(Encodings.TIGHT))
                        .withJpegQuality(9),
                stats,
                XvncClientInteropTest.JPEG_MEAN_TOLERANCE);
        ImageDiff d = ImageDiff.of(reference, frame);
        assertThat(d.meanAbsDiff())
                .as("%s %s", d, stats[0])
                .isLessThanOrEqualTo(XvncClientInteropTest.JPEG_MEAN_TOLERANCE);
        assertThat(stats[0].get("Tight.jpeg")).as("%s", stats[0]).isPositive();
    }

    static BufferedImage capture(RfbClientConfig config, DecodeStats[] stats, double meanTolerance) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout((int) TIMEOUT.toMillis());
            RfbClient client = RfbClient.connect(s.getInputStream(), s.getOutputStream(), config, null);
            stats[0] = client.decodeStats();
            client.pointer(0, W - 1, H - 1);
            try {
                Peers.await("a matching frame", TIMEOUT, () -> {
                    ImageDiff d = ImageDiff.of(reference, RfbSnapshot.toImage(client.framebuffer()));
                    return client.stats().updates() > 0
                            && d.meanAbsDiff() <= meanTolerance
                            && (meanTolerance > 0 || d.identical());
                });
            } catch (AssertionError e) {
                // The caller's assertion reports the difference.
            }
            BufferedImage img = RfbSnapshot.toImage(client.framebuffer());
            client.close();
            return img;
        }
    }
}
